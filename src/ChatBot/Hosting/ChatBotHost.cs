using ChatBot.Console;
using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.Discord;
using ChatBot.Embeddings;
using ChatBot.Slack;
using ChatBot.Storage;
using ChatBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Hosting;

/// <summary>
/// Builds the application host the same way for the bot and for every CLI verb, so a setting
/// means the same thing everywhere.
/// </summary>
internal static class ChatBotHost
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Defaults come from the appsettings.json beside the binaries (config/appsettings.json in
    /// the repository), then appsettings.{Environment}.json and environment variables
    /// (<c>Storage__DataDirectory</c>), then <paramref name="overrides"/> from CLI options. Every host has every
    /// chat platform registered (the console one prints to <paramref name="console"/>), so a setting that names a
    /// platform (a daily thread's) is valid or not alike for the bot and for every verb.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IAnsiConsole console, IReadOnlyDictionary<string, string?>? overrides = null)
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

        // The host's own "Hosting failed to start" error repeats, with its stack, what the CLI reports in one line
        // (a setting, a port in use) or logs itself (anything else); its critical messages (a failed background
        // service stopping the host) stay.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);
        builder.AddChatBotCore();
        builder.AddChatBotStorage();
        builder.AddChatBotPostgresStorage();
        builder.AddChatBotEmbeddings();
        builder.AddChatBotDiscord();
        builder.AddChatBotSlack();
        builder.AddConsolePlatform(console);
        AddGracefulShutdown(builder.Services);
        return builder;
    }

    /// <summary>
    /// The host of a verb (import, stats, backup, …): built, with every setting validated as the bot's
    /// start would, since a verb never starts the host. Dispose it to close the stores.
    /// </summary>
    public static WebApplication BuildForVerb(IAnsiConsole console, IReadOnlyDictionary<string, string?> overrides)
    {
        var app = CreateBuilder(console, overrides).Build();
        try
        {
            Prepare(app.Services);
            return app;
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks every setting, as the host's start would (so a wrong one is one line and exit code 2, not a failed
    /// start), then creates the data directory owner-only before any store does. Returns the directory's full path.
    /// </summary>
    public static string Prepare(IServiceProvider services)
    {
        HostValidation.Validate(services);
        return DataDirectory.Ensure(services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    /// <summary>
    /// Everything stops at once on SIGTERM (so the gateway, Socket Mode and Kestrel stop taking commands
    /// while the workers finish their sends); the host waits the grace period plus time to close the stores.
    /// A background service that fails (a platform connection, a worker) stops the host, never silently: the
    /// host logs it as critical, <c>/readyz</c> names it while the bot stops, and the process exits 1, so a
    /// supervisor (Docker's restart policy, systemd) starts it again. Workers catch their own failing ticks and
    /// platform clients reconnect by themselves, so what reaches the host is a bug, not a bad day.
    /// </summary>
    private static void AddGracefulShutdown(IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
        {
            host.ServicesStopConcurrently = true;
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            host.ShutdownTimeout = shutdown.Value.GracePeriod + TimeSpan.FromSeconds(10);
        });
    }
}
