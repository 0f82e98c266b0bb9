using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Rendering;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// A gateway client wired like the host wires it (real CommandRouter, invoker and command adapter,
/// a fake search handler) against a <see cref="FakeDiscordGateway"/> and a loopback REST fake
/// that serves <c>GET /gateway/bot</c>, interaction callbacks (204) and @original edits (200).
/// Disposing it checks that the client broke no documented rule of the gateway or the REST API
/// (both fakes' <c>ProtocolViolations</c>) and logged no token.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = FakeDiscordRest.Token;

    private readonly CancellationTokenSource _stop = new();
    private readonly FakeDiscordRest _fakeRest;

    private GatewayHarness(FakeDiscordGateway gateway, FakeDiscordRest rest, DiscordGatewaySettings settings, TimeSpan deferAfter)
    {
        Gateway = gateway;
        _fakeRest = rest;
        rest.Options.DeferAfter = deferAfter;
        var options = Options.Create(rest.Options);
        var router = new CommandRouter([Search], rest.Metrics.Metrics, NullLogger<CommandRouter>.Instance);
        var invoker = new CommandInvoker(router, Tracker, TimeProvider.System, InvokerLog);
        var actionIds = new DiscordActionIds();
        var adapter = new DiscordCommandAdapter(invoker, new DiscordInteractionParser(actionIds), new DiscordReplyRenderer(actionIds), rest.Client, options, AdapterLog);
        Client = new DiscordGatewayClient(new GatewayShard(0, 1), IdentifyGate, rest.Client, adapter, options, settings, Health, rest.Metrics.Metrics, TimeProvider.System, ClientLog);
    }

    public FakeDiscordGateway Gateway { get; }

    public InProcessIdentifyGate IdentifyGate { get; } = new(TimeProvider.System);

    /// <summary>The readiness the client reports.</summary>
    internal DiscordGatewayHealth Health { get; } = new();

    /// <summary>The REST fake (paths under <c>/api/v10/</c>) behind a real <c>DiscordRestClient</c>.</summary>
    public LoopbackHttpServer Rest => _fakeRest.Server;

    public FakeDiscordRest FakeRest => _fakeRest;

    public FakeSearchHandler Search { get; } = new();

    /// <summary>What the client, the router and the REST client recorded.</summary>
    public TestMetrics Metrics => _fakeRest.Metrics;

    public RecordingLogger<DiscordGatewayClient> ClientLog { get; } = new();

    public RecordingLogger<DiscordCommandAdapter> AdapterLog { get; } = new();

    public RecordingLogger<CommandInvoker> InvokerLog { get; } = new();

    /// <summary>Core's commands under way, drained when the harness stops (as the host does).</summary>
    public CommandTracker Tracker { get; } = new();

    public DiscordGatewayClient Client { get; }

    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Test timing: 200 ms heartbeats, 50 ms first backoff, short identify spacing.</summary>
    public static DiscordGatewaySettings FastSettings => new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
        IdentifyInterval = TimeSpan.FromMilliseconds(100),
        CloseTimeout = TimeSpan.FromSeconds(1),
        Jitter = () => 0.5,
    };

    public static async Task<GatewayHarness> StartAsync(
        Action<FakeDiscordGateway>? arrange = null,
        DiscordGatewaySettings? settings = null,
        TimeSpan? deferAfter = null,
        int heartbeatMs = 200,
        Action<FakeDiscordRest, FakeDiscordGateway>? arrangeRest = null)
    {
        var gateway = await FakeDiscordGateway.StartAsync(heartbeatMs);
        gateway.ExpectedToken = Token;
        var rest = await FakeDiscordRest.StartAsync();
        rest.RestApi.MapGatewayBot(gateway.Url, resetAfterMilliseconds: 14400000);
        arrange?.Invoke(gateway);
        arrangeRest?.Invoke(rest, gateway);
        var harness = new GatewayHarness(gateway, rest, settings ?? FastSettings, deferAfter ?? TimeSpan.FromSeconds(2));
        harness.Running = Task.Run(() => harness.Client.RunAsync(harness._stop.Token));
        return harness;
    }

    /// <summary>Scripts the REST fake for one interaction: callback 204, @original edit 200.</summary>
    public void ScriptInteraction(string id)
    {
        Rest.Map(InteractionPayloads.CallbackPath(id), _ => ScriptedResponse.Status(204));
        Rest.Map(InteractionPayloads.OriginalPath(id), _ => ScriptedResponse.Json("""{"id":"m1","channel_id":"c1"}"""));
    }

    public async Task WaitForReadyAsync()
    {
        await Gateway.WaitForFrameAsync(f => f.Op == 2);
        await WaitUntilAsync(() => Client.SessionId == Gateway.SessionId && Client.SessionId is not null, "the client to store READY's session");
    }

    public async Task<RecordedRequest> WaitForRestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var patience = timeout ?? TimeSpan.FromSeconds(10);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var seen = Rest.Requests;
            if (seen.FirstOrDefault(match) is { } hit)
            {
                return hit;
            }

            var left = patience - watch.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("No matching REST request; got: " + string.Join(", ", seen.Select(r => r.Method + " " + r.Path)));
            }

            try
            {
                await Rest.WaitForRequestsAsync(seen.Count + 1, left);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top.
            }
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Rest.Requests.Where(r => r.Path == path)];

    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Poll.UntilAsync(condition, timeout ?? TimeSpan.FromSeconds(10), what);

    public static JsonObject Callback(RecordedRequest request) => JsonNode.Parse(request.Body)!.AsObject();

    /// <summary>Stops the client and the invoker as the host does at shutdown and waits for both to finish.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(15));
        await Tracker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        IReadOnlyList<string> violations = [.. Gateway.ProtocolViolations, .. _fakeRest.ProtocolViolations];
        _fakeRest.ExpectViolations = true; // checked here, with the gateway's
        await Gateway.DisposeAsync();
        await _fakeRest.DisposeAsync();
        _stop.Dispose();
        Tracker.Dispose();
        IdentifyGate.Dispose();
        Assert.True(violations.Count == 0, "The client broke Discord's protocol: " + string.Join(" | ", violations));
        var leaked = ClientLog.Entries.Concat(AdapterLog.Entries).Concat(InvokerLog.Entries).Concat(_fakeRest.Logger.Entries).Where(e => e.Message.Contains(Token, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "The token was logged: " + string.Join(" | ", leaked.Select(e => e.Message)));
    }
}
