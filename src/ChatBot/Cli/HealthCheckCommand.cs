using System.CommandLine;
using ChatBot.Health;
using ChatBot.Hosting;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>healthcheck [--ready]</c>: asks the running bot's <c>/healthz</c> (or <c>/readyz</c>) where it listens
/// (<c>Urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, … as the bot reads them); exit 0 when it answers 200. For Docker's HEALTHCHECK, as the image has no curl.
/// </summary>
internal static class HealthCheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var ready = new Option<bool>("--ready") { Description = "Ask /readyz (every check) instead of /healthz (alive)." };
        var command = new Command("healthcheck", "Ask the running bot whether it is alive (exit 0) or not (exit 1).");
        command.Options.Add(ready);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), parse.GetValue(ready), console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, bool ready, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var configuration = ChatBotHost.CreateBuilder(console, overrides).Configuration;
        ConfigurationProblems.ValidateListenAddresses(configuration);
        var target = new Uri(ListenAddresses.LocalUrl(configuration)!, ready ? HealthEndpoints.ReadinessPath : HealthEndpoints.LivenessPath);
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(target, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            console.Profile.Out.Writer.WriteLine($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? ChatBotCli.Success : ChatBotCli.Failure;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ConsoleLines.Error(console, "Not answering:", $"{target} ({e.Message})");
            return ChatBotCli.Failure;
        }
    }
}
