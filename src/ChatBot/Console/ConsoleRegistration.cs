using ChatBot.Console.Inbound;
using ChatBot.Core.Chat;
using Spectre.Console;

namespace ChatBot.Console;

internal static class ConsoleRegistration
{
    /// <summary>The console platform's services; the REPL itself is added only when it should run.</summary>
    public static IHostApplicationBuilder AddConsolePlatform(this IHostApplicationBuilder builder, IAnsiConsole console)
    {
        builder.Services.AddOptions<ConsoleOptions>()
            .BindConfiguration(ConsoleOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<ConsoleCommandAdapter>();
        builder.Services.AddKeyedSingleton<IChatPlatform, ConsoleChatPlatform>(ConsoleChatPlatform.PlatformName);
        return builder;
    }

    /// <summary>
    /// True when no Discord or Slack credential is configured: the bot then talks through the console.
    /// </summary>
    public static bool NoChatPlatformConfigured(IConfiguration configuration) =>
        PlatformCredentialKeys.All(key => string.IsNullOrWhiteSpace(configuration[key]));

    private static readonly string[] PlatformCredentialKeys =
        ["Discord:Token", "Discord:PublicKey", "Slack:AppToken", "Slack:BotToken", "Slack:SigningSecret"];
}
