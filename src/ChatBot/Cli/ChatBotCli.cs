using System.CommandLine;
using ChatBot.Admin;
using ChatBot.Alerts;
using ChatBot.Console;
using ChatBot.Core;
using ChatBot.Digest;
using ChatBot.Core.Storage;
using ChatBot.Discord.Interactions;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Search;
using ChatBot.Slack.Http;
using ChatBot.Telemetry;
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

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "Folder of the database and index (overrides Storage:DataDirectory).",
            Recursive = true,
        };
        var root = new RootCommand("ChatBot: research papers for Discord and Slack. With no command, runs the bot.");
        root.Options.Add(dataDirectory);
        root.Subcommands.Add(ImportCommand.Create(dataDirectory, console));
        root.Subcommands.Add(StatsCommand.Create(dataDirectory, console));
        root.Subcommands.Add(AskCommand.Create(dataDirectory, console));
        root.Subcommands.Add(ReindexCommand.Create(dataDirectory, console));
        root.Subcommands.Add(BackupCommand.Create(dataDirectory, console));
        root.Subcommands.Add(RestoreCommand.Create(dataDirectory, console));
        root.Subcommands.Add(DoctorCommand.Create(dataDirectory, console));
        root.Subcommands.Add(SlackManifestCommand.Create(console));
        root.Subcommands.Add(HealthCheckCommand.Create(dataDirectory, console));
        root.SetAction((parse, token) => RunGuardedAsync(console, () => RunBotAsync(Overrides(parse, dataDirectory, verb: false), console, token)));

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
            console.MarkupLineInterpolated($"[red]Configuration error:[/] {problem}");
            return ConfigurationError;
        }
        catch (ChatBotException e)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
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
            console.MarkupLineInterpolated($"[red]Configuration error:[/] {failure}");
        }

        return ConfigurationError;
    }

    private static async Task<int> RunBotAsync(Dictionary<string, string?> overrides, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var builder = ChatBotHost.CreateBuilder(overrides);
        ConfigurationProblems.ValidateUrls(builder.Configuration["Urls"]);
        builder.AddConsolePlatform(console);
        builder.AddMetricsEndpoint();
        // Hosted services start in this order: the index is current before any command or ingest.
        builder.Services.AddHostedService<IndexStartup>();
        builder.Services.AddHostedService<IngestWorker>();
        builder.Services.AddHostedService<DailyPostWorker>();
        builder.Services.AddHostedService<AlertWorker>();
        builder.Services.AddChatBotHealthChecks();
        // The backup command reaches the running bot (which holds the database) through these.
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddHostedService<InstanceAnnouncer>();
        var noPlatform = ConsoleRegistration.NoChatPlatformConfigured(builder.Configuration);
        var consoleMode = noPlatform
            && builder.Configuration.GetValue($"{ConsoleOptions.SectionName}:{nameof(ConsoleOptions.Enabled)}", true);
        if (consoleMode)
        {
            builder.Services.AddHostedService<ConsoleRepl>();
        }

        await using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILogger<Program>>();
        // POST /discord/interactions when Discord:PublicKey is set; /slack/* when Slack:SigningSecret is set;
        // always GET /healthz, /readyz and /metrics, and POST /admin/backup (token, loopback only).
        app.MapDiscordInteractions();
        app.MapSlackEndpoints();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapAdminEndpoints();
        if (noPlatform && !consoleMode)
        {
            var dataDirectory = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory();
            Log.NoPlatformConfigured(logger, dataDirectory);
        }

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var grace = app.Services.GetRequiredService<IOptions<ShutdownOptions>>().Value.GracePeriod;
        using var onStopping = lifetime.ApplicationStopping.Register(() => Log.Stopping(logger, grace));
        try
        {
            await app.RunAsync(cancellationToken);
        }
        catch (IOException e) when (e.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            throw new ChatBotException($"{e.Message} Another program uses the port: set Urls to a free address (e.g. Urls=http://127.0.0.1:8081).", e);
        }

        Log.Stopped(logger);
        return Success;
    }

}
