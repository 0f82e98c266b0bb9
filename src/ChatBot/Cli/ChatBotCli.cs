using System.CommandLine;
using ChatBot.Admin;
using ChatBot.Alerts;
using ChatBot.Console;
using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.DailyThreads;
using ChatBot.Discord.Interactions;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Search;
using ChatBot.Semantic;
using ChatBot.Slack.Http;
using ChatBot.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// The command line: with no verb it runs the bot; verbs (<c>import</c>, <c>stats</c>, <c>backup</c>, <c>doctor</c>, ...) work on
/// the same data directory and configuration, then exit.
/// </summary>
internal static class ChatBotCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int ConfigurationError = 2;

    private const string UrlsOption = "--urls";

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, configure: null, cancellationToken);

    /// <summary>
    /// Runs the command line; <paramref name="configure"/> (tests only) adds to the bot's host before it is built.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken = default)
    {
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "Folder of the database and index (overrides Storage:DataDirectory).",
            Recursive = true,
        };
        var urls = new Option<string?>(UrlsOption)
        {
            Description = "Where the bot's HTTP endpoints listen, e.g. http://0.0.0.0:8080 (overrides Urls and ASPNETCORE_URLS).",
            Recursive = true,
        };
        var root = new RootCommand("ChatBot: research papers for Discord and Slack. With no command, runs the bot.");
        root.Options.Add(dataDirectory);
        root.Options.Add(urls);
        root.Subcommands.Add(ImportCommand.Create(dataDirectory, console));
        root.Subcommands.Add(StatsCommand.Create(dataDirectory, console));
        root.Subcommands.Add(AskCommand.Create(dataDirectory, console));
        root.Subcommands.Add(ReindexCommand.Create(dataDirectory, console));
        root.Subcommands.Add(BackupCommand.Create(dataDirectory, console));
        root.Subcommands.Add(RestoreCommand.Create(dataDirectory, console));
        root.Subcommands.Add(MigrateCommand.Create(dataDirectory, console));
        root.Subcommands.Add(DoctorCommand.Create(dataDirectory, console));
        root.Subcommands.Add(SlackManifestCommand.Create(console));
        root.Subcommands.Add(HealthCheckCommand.Create(dataDirectory, console));
        root.SetAction((parse, token) => RunGuardedAsync(console, () => RunBotAsync(Overrides(parse, dataDirectory, verb: false), console, configure, token)));

        var output = new ConsoleTextWriter(console);
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken);
    }

    /// <summary>
    /// Configuration overrides taken from the global CLI options. Verbs (<paramref name="verb"/>) print
    /// their own output, so the host's informational logs are turned down to warnings for them.
    /// </summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse, Option<string?> dataDirectory, bool verb = true)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (verb)
        {
            overrides["Logging:LogLevel:Default"] = "Warning";
            overrides["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        }

        if (parse.GetValue(dataDirectory) is { Length: > 0 } directory)
        {
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = directory;
        }

        // As ASP.NET Core's own --urls: stronger than Urls, ASPNETCORE_URLS and the ports settings.
        if (parse.GetValue<string?>(UrlsOption) is { Length: > 0 } urls)
        {
            overrides[WebHostDefaults.ServerUrlsKey] = urls;
        }

        return overrides;
    }

    /// <summary>
    /// Runs a verb, turning the failures a user can fix (bad settings, unreadable database) into
    /// one line each and an exit code, never a stack trace.
    /// </summary>
    public static async Task<int> RunGuardedAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OptionsValidationException e)
        {
            return ReportConfigurationErrors(console, e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // Start-up validation throws one exception per invalid options class when there are several.
            return ReportConfigurationErrors(console, e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures));
        }
        catch (InvalidOperationException e) when (ConfigurationProblems.Describe(e) is { } problem)
        {
            ConsoleLines.Error(console, "Configuration error:", problem);
            return ConfigurationError;
        }
        catch (ChatBotException e)
        {
            ConsoleLines.Error(console, "Error:", e.Message);
            return Failure;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/]");
            return Failure;
        }
    }

    private static int ReportConfigurationErrors(IAnsiConsole console, IEnumerable<string> failures)
    {
        foreach (var failure in failures.Select(ConfigurationProblems.Simplify).Distinct(StringComparer.Ordinal))
        {
            ConsoleLines.Error(console, "Configuration error:", failure);
        }

        return ConfigurationError;
    }

    /// <summary>
    /// The bot: the services every host has (<see cref="ChatBotHost.CreateBuilder"/>), then each feature of the running
    /// bot adds its own. Hosted services start in the order they are added: the index is current before any
    /// command or ingest.
    /// </summary>
    private static async Task<int> RunBotAsync(
        Dictionary<string, string?> overrides, IAnsiConsole console, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var builder = ChatBotHost.CreateBuilder(console, overrides);
        builder.AddMetricsEndpoint();
        builder.AddSearchIndexStartup();
        builder.AddIngestWorker();
        builder.AddEmbeddingWorker();
        builder.AddDailyThreadWorker();
        builder.AddAlertWorker();
        builder.AddHealthEndpoints();
        builder.AddAdminListener();
        builder.AddConsoleMode(console);
        configure?.Invoke(builder);

        await using var app = builder.Build();
        ChatBotHost.Prepare(app.Services);
        // POST /admin/backup on the admin listener only (token, loopback); POST /discord/interactions when
        // Discord:PublicKey is set; /slack/* when Slack:SigningSecret is set; always GET /healthz, /readyz and /metrics.
        app.MapAdminEndpoints();
        app.MapDiscordInteractions();
        app.MapSlackEndpoints();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        return await BotLifetime.RunAsync(app, console, cancellationToken);
    }
}
