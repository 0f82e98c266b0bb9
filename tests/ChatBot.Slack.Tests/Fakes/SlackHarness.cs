using System.Net;
using ChatBot.Core.Cluster;
using ChatBot.Core.Commands;
using ChatBot.Core.Resilience;
using ChatBot.Slack.Http;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.WebApi;
using ChatBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.Fakes;

/// <summary>
/// The Slack side of the bot as the host runs it (AddChatBotSlack, MapSlackEndpoints, a Core router with
/// scripted handlers) on 127.0.0.1, talking to a fake Web API (<see cref="Api"/>, also the target of
/// response_url posts at <c>/hooks/…</c>) and, when an app token is configured, a fake Socket Mode server.
/// </summary>
internal sealed class SlackHarness : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private SlackHarness(FakeSlackWebApi api, FakeSlackSocketServer? sockets, WebApplication app, RecordingLoggerProvider logs, IReadOnlyDictionary<string, ScriptedCommandHandler> handlers)
    {
        Api = api;
        Sockets = sockets;
        App = app;
        Logs = logs;
        Handlers = handlers;
    }

    public FakeSlackWebApi Api { get; }

    /// <summary>What the Web API fake and the Socket Mode fake found against Slack's documented rules.</summary>
    public IReadOnlyList<string> ProtocolViolations => [.. Api.ProtocolViolations, .. Sockets?.ProtocolViolations ?? []];

    public FakeSlackSocketServer? Sockets { get; }

    public FakeSlackSocketServer SocketServer => Sockets ?? throw new InvalidOperationException("No Socket Mode in this harness");

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public RecordingLoggerProvider Logs { get; }

    public IReadOnlyDictionary<string, ScriptedCommandHandler> Handlers { get; }

    public Uri Address { get; private set; } = null!;

    public Uri ResponseUrl => new(Api.BaseAddress, "hooks/response/T1/abc");

    public static async Task<SlackHarness> StartAsync(
        bool socketMode = false,
        bool signingSecret = false,
        IDictionary<string, string?>? settings = null,
        IEnumerable<ScriptedCommandHandler>? handlers = null,
        TimeProvider? timeProvider = null,
        TimeSpan? apiTimeout = null,
        SlackSocketModeSettings? socketModeSettings = null,
        IEventClaims? claims = null)
    {
        var api = await FakeSlackWebApi.StartAsync();
        var sockets = socketMode ? await FakeSlackSocketServer.StartAsync() : null;
        if (sockets is not null)
        {
            api.Map("/api/apps.connections.open", _ => sockets.ConnectionsOpenResponse());
        }

        api.Map("/hooks/response/T1/abc", _ => ScriptedResponse.Text("ok"));
        var configuration = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl.AbsoluteUri,
            ["Slack:ChannelMessageSpacing"] = "00:00:00",
            ["Slack:AppToken"] = socketMode ? AppToken : null,
            ["Slack:SigningSecret"] = signingSecret ? SigningSecret : null,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        var scripted = (handlers ?? [new ScriptedCommandHandler("search"), new ScriptedCommandHandler("help", (_, _) => Task.FromResult(CommandHelp.For(CommandCatalog.All)))])
            .ToDictionary(h => h.Definition.Name, StringComparer.Ordinal);
        foreach (var handler in scripted.Values)
        {
            builder.Services.AddSingleton<ICommandHandler>(handler);
        }

        if (claims is not null)
        {
            // Shared by harnesses that stand for several processes of one bot (the database's claims table).
            builder.Services.AddSingleton(claims);
        }

        builder.Services.AddSingleton<CommandRouter>();
        // Reconnect waits without jitter unless a test asks, so a test can name the exact wait (a dropped connection: 1 s).
        builder.Services.AddSingleton(socketModeSettings ?? new SlackSocketModeSettings { Jitter = Backoff.NoJitter });
        builder.AddChatBotSlack();
        if (apiTimeout is { } timeout)
        {
            // Configured after the platform's own 30 s, so it wins: for tests of what a timeout does.
            builder.Services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = timeout);
        }

        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        var harness = new SlackHarness(api, sockets, app, logs, scripted);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        harness.Address = new Uri(address.TrimEnd('/') + "/");
        return harness;
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(patience.Token);
        await App.DisposeAsync();
        if (Sockets is not null)
        {
            await Sockets.DisposeAsync();
        }

        await Api.DisposeAsync();
    }
}
