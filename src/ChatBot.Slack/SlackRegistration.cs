using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Slack;

public static class SlackRegistration
{
    /// <summary>The Slack platform: options always (validated at start); clients and workers when tokens are set.</summary>
    public static IHostApplicationBuilder AddChatBotSlack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
