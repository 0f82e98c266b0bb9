using ChatBot.Core;
using ChatBot.Discord;
using ChatBot.Slack;
using ChatBot.Storage;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Hosting;

/// <summary>
/// Builds the application host the same way for the bot and for every CLI verb, so a setting
/// means the same thing everywhere.
/// </summary>
internal static class ChatBotHost
{
    /// <summary>
    /// Defaults come from the appsettings.json beside the binaries (config/appsettings.json in
    /// the repository), then appsettings.{Environment}.json and environment variables
    /// (<c>Storage__DataDirectory</c>), then <paramref name="overrides"/> from CLI options.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (overrides is { Count: > 0 })
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddChatBotCore();
        builder.AddChatBotStorage();
        builder.AddChatBotDiscord();
        builder.AddChatBotSlack();
        return builder;
    }
}
