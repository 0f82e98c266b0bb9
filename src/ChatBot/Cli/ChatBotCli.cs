using System.CommandLine;
using System.Net;
using ChatBot.Admin;
using ChatBot.Alerts;
using ChatBot.Console;
using ChatBot.Core;
using ChatBot.DailyThreads;
using ChatBot.Core.Storage;
using ChatBot.Discord.Interactions;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Search;
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

    private static async Task<int> RunBotAsync(
        Dictionary<string, string?> overrides, IAnsiConsole console, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var builder = ChatBotHost.CreateBuilder(overrides);
        ConfigurationProblems.ValidateListenAddresses(builder.Configuration);
        var admin = AdminListener.OnFreePort(ListenAddresses.Public(builder.Configuration));
        ListenWithAdmin(builder, admin);
        var noPlatform = ConsoleRegistration.NoChatPlatformConfigured(builder.Configuration);
        var consoleMode = noPlatform
            && builder.Configuration.GetValue($"{ConsoleOptions.SectionName}:{nameof(ConsoleOptions.Enabled)}", true);
        if (consoleMode && StorageSettings(builder.Configuration) is { } storage)
        {
            BotLogging.ToFileAndTerminal(builder, console, DataDirectory.Ensure(storage));
        }

        builder.AddConsolePlatform(console);
        builder.AddMetricsEndpoint();
        builder.Services.AddSingleton<WorkerMetrics>();
        // Hosted services start in this order: the index is current before any command or ingest.
        builder.Services.AddHostedService<IndexStartup>();
        builder.Services.AddHostedService<IngestWorker>();
        builder.Services.AddHostedService<DailyThreadWorker>();
        builder.Services.AddHostedService<AlertWorker>();
        builder.Services.AddChatBotHealthChecks();
        // The backup command reaches the running bot (which holds the database) through these.
        builder.Services.AddSingleton(admin);
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddHostedService<InstanceAnnouncer>();
        if (consoleMode)
        {
            builder.Services.AddHostedService<ConsoleRepl>();
        }

        configure?.Invoke(builder);
        await using var app = builder.Build();
        // Every setting is checked before the host starts, so a wrong one is one line (and exit code 2), not a failed start.
        HostValidation.Validate(app.Services);
        var dataDirectory = DataDirectory.Ensure(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
        var logger = app.Services.GetRequiredService<ILogger<Program>>();
        // POST /admin/backup on the admin listener only (token, loopback); POST /discord/interactions when
        // Discord:PublicKey is set; /slack/* when Slack:SigningSecret is set; always GET /healthz, /readyz and /metrics.
        app.MapAdminEndpoints();
        app.MapDiscordInteractions();
        app.MapSlackEndpoints();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        if (noPlatform && !consoleMode)
        {
            Log.NoPlatformConfigured(logger, dataDirectory);
        }

        // The same instances the host runs; kept to tell, once it stopped, whether one of them failed.
        var workers = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var grace = app.Services.GetRequiredService<IOptions<ShutdownOptions>>().Value.GracePeriod;
        using var onStopping = lifetime.ApplicationStopping.Register(() => Log.Stopping(logger, grace));
        await StartAsync(app, admin, logger, cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        Log.Stopped(logger);
        return ReportFailedWorkers(workers, console);
    }

    private static async Task StartAsync(WebApplication app, AdminListener admin, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            var hint = e.Message.Contains(admin.Address, StringComparison.Ordinal)
                ? "The admin listener's port was taken at the last moment: start the bot again."
                : "Another program uses the port: set Urls to a free address (e.g. Urls=http://127.0.0.1:8081).";
            throw new ChatBotException($"{e.Message} {hint}", e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ChatBotException or OptionsValidationException))
        {
            // The host's own report of this is filtered out (ChatBotHost): the stack goes to the log, one line to the user.
            Log.StartFailed(logger, e);
            throw new ChatBotException($"The bot could not start: {e.Message}", e);
        }
    }

    /// <summary>
    /// Exit code 1 when a background service failed (the host stopped because of it, or while stopping): a bot that
    /// was meant to serve never exits 0 after a fault. Each is one line here; the host's log has the stack.
    /// </summary>
    private static int ReportFailedWorkers(List<BackgroundService> workers, IAnsiConsole console)
    {
        var failed = workers.Where(worker => worker.ExecuteTask is { IsFaulted: true }).ToList();
        foreach (var worker in failed)
        {
            // The host logged it as critical, with the stack.
            var error = worker.ExecuteTask!.Exception!.GetBaseException();
            ConsoleLines.Error(console, "Error:", $"{worker.GetType().Name} failed ({error.Message}); the bot stopped. The log has the details.");
        }

        return failed.Count > 0 ? Failure : Success;
    }

    /// <summary>
    /// The public endpoints listen where the standard ASP.NET Core settings say (<see cref="ListenAddresses.Public"/>,
    /// loopback port 8080 when none is set); the admin listener joins them on its own loopback port.
    /// </summary>
    private static void ListenWithAdmin(WebApplicationBuilder builder, AdminListener admin)
    {
        if (ListenAddresses.KestrelEndpoints(builder.Configuration).Length > 0)
        {
            // Kestrel's own endpoint settings replace Urls; an endpoint added in code joins them.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, admin.Port));
            return;
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebHostDefaults.ServerUrlsKey] = string.Join(';', [.. ListenAddresses.Public(builder.Configuration), admin.Address]),
            // Already expanded into the addresses above (ASP.NET Core would warn that Urls overrides them).
            [WebHostDefaults.HttpPortsKey] = "",
            [WebHostDefaults.HttpsPortsKey] = "",
        });
    }

    /// <summary>The storage settings as far as they can be read before the host is built; null when no folder is named (validation says so).</summary>
    private static StorageOptions? StorageSettings(ConfigurationManager configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return string.IsNullOrWhiteSpace(storage.DataDirectory) ? null : storage;
    }
}
