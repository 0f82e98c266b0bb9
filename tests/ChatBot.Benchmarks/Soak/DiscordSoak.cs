using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatBot.Testing;
using Microsoft.AspNetCore.Connections;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Discord's side of the soak: the loopback gateway (<see cref="FakeDiscordGateway"/>) that delivers each command as an
/// INTERACTION_CREATE with a unique id, and a REST fake (<see cref="LoopbackHttpServer"/>) that takes the answers the way
/// Discord does (one callback per interaction, 40060 for a second, edits only after a callback) and records what
/// breaks PROTOCOLS.md §1. Commands go out only while a session is established (after READY or during a resume), as
/// Discord sends them; a session's events that the bot missed are replayed by the fake on resume.
/// </summary>
internal sealed class DiscordSoak : IAsyncDisposable
{
    public const string ApplicationId = "111";

    private const string Source = "discord";
    private const int HeartbeatIntervalMs = 1000;
    private const string ApiRoot = "/api/v10";
    private static readonly int[] ResumableCloseCodes = [4000, 4001, 4002, 4003, 4005, 4008];
    private static readonly TimeSpan IdentifySpacing = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryTolerance = TimeSpan.FromMilliseconds(20);

    private readonly FakeDiscordGateway _gateway;
    private readonly LoopbackHttpServer _rest;
    private readonly CommandLedger _ledger;
    private readonly ViolationLog _violations;
    private readonly HttpFaults _faults;
    private readonly TimeProvider _clock;
    private readonly Channel<(TrackedCommand Command, JsonObject Interaction)> _outbox = Channel.CreateUnbounded<(TrackedCommand, JsonObject)>();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _retryNotBefore = new(StringComparer.Ordinal);
    private readonly Dictionary<int, FaultKind> _faultOnConnection = [];
    private readonly HashSet<int> _zombies = [];
    private volatile bool _held;
    private volatile int _invalidatedConnection;
    private long _interactions;

    private DiscordSoak(FakeDiscordGateway gateway, LoopbackHttpServer rest, CommandLedger ledger, ViolationLog violations, HttpFaults faults, TimeProvider clock)
    {
        _gateway = gateway;
        _rest = rest;
        _ledger = ledger;
        _violations = violations;
        _faults = faults;
        _clock = clock;
    }

    public FakeDiscordGateway Gateway => _gateway;

    public static async Task<DiscordSoak> StartAsync(CommandLedger ledger, ViolationLog violations, HttpFaults faults, TimeProvider clock)
    {
        var gateway = await FakeDiscordGateway.StartAsync(HeartbeatIntervalMs);
        var rest = await LoopbackHttpServer.StartAsync(clock);
        var soak = new DiscordSoak(gateway, rest, ledger, violations, faults, clock);
        gateway.WithholdAcks = soak.IsZombie;
        rest.Map($"{ApiRoot}/gateway/bot", _ => ScriptedResponse.Json(
            $$$"""{"url":"{{{gateway.Url}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}"""));
        rest.Map($"{ApiRoot}/applications/{ApplicationId}/commands", _ => ScriptedResponse.Json("[]"));
        return soak;
    }

    /// <summary>The settings that point the bot at these fakes.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(string token) =>
    [
        new("Discord__Token", token),
        new("Discord__ApplicationId", ApplicationId),
        new("Discord__ApiBaseUrl", new Uri(_rest.BaseAddress, "api/v10").AbsoluteUri),
    ];

    /// <summary>True while a session is established on an open connection: commands pushed now reach the bot or are replayed to it.</summary>
    public bool IsReady()
    {
        var connections = _gateway.Connections;
        if (connections.Count == 0 || connections[^1].Ended)
        {
            return false;
        }

        var current = connections[^1].Number;
        if (current <= _invalidatedConnection)
        {
            // The session was invalidated there: what is pushed now would be dropped with it.
            return false;
        }

        var frames = _gateway.Frames;
        var start = frames.FirstOrDefault(f => f.Connection == current && f.Op is 2 or 6);
        var identifies = frames.Count(f => f.Op == 2);
        return start is { Op: 6 } || (start is { Op: 2 } && _gateway.SessionId == SessionName(identifies));
    }

    /// <summary>Queues <paramref name="request"/> as an interaction; <see cref="PumpAsync"/> delivers it.</summary>
    public void Send(TrackedCommand command, SoakRequest request)
    {
        var id = (1_300_000_000_000_000_000L + Interlocked.Increment(ref _interactions)).ToString(CultureInfo.InvariantCulture);
        var token = "soak-" + command.Id;
        _rest.Map("POST", $"{ApiRoot}/interactions/{id}/{token}/callback", (request, _) => Task.FromResult(Callback(command, request)));
        _rest.Map("PATCH", $"{ApiRoot}/webhooks/{ApplicationId}/{token}/messages/@original", (request, _) => Task.FromResult(Edit(command, request)));
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["version"] = 1,
            ["channel_id"] = "c1",
            ["user"] = new JsonObject { ["id"] = "u1", ["username"] = "ada" },
            ["data"] = new JsonObject { ["id"] = "cmd", ["name"] = "papers", ["type"] = 1, ["options"] = request.DiscordOptions },
        };
        _outbox.Writer.TryWrite((command, interaction));
    }

    /// <summary>Pushes queued interactions as soon as a session is established (and no invalid session is being staged).</summary>
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (command, interaction) in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                while (_held || !IsReady())
                {
                    await Task.Delay(20, cancellationToken);
                }

                var connection = _gateway.Connections[^1].Number;
                try
                {
                    await _gateway.PushDispatchAsync("INTERACTION_CREATE", interaction);
                }
                catch (Exception e) when (e is InvalidOperationException or WebSocketException or ObjectDisposedException or IOException or ConnectionAbortedException)
                {
                    // The connection went down under the push: the event is in the session's log, and the resume replays it.
                }

                _ledger.Update(command.Id, c => (c.SentAt, c.Connection) = (_clock.GetTimestamp(), connection));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies one gateway fault to the open connection; false when there is none to apply it to.</summary>
    public async Task<bool> InjectAsync(FaultKind kind, Random random, CancellationToken cancellationToken)
    {
        var connections = _gateway.Connections;
        if (connections.Count == 0 || connections[^1].Ended)
        {
            return false;
        }

        var number = connections[^1].Number;
        try
        {
            switch (kind)
            {
                case FaultKind.GatewayDrop:
                    Mark(number, kind);
                    _gateway.Drop();
                    break;
                case FaultKind.GatewayClose:
                    Mark(number, kind);
                    await _gateway.CloseAsync(ResumableCloseCodes[random.Next(ResumableCloseCodes.Length)]);
                    break;
                case FaultKind.GatewayZombie:
                    Mark(number, kind);
                    lock (_gate)
                    {
                        _zombies.Add(number);
                    }

                    break;
                case FaultKind.GatewayReconnect:
                    Mark(number, kind);
                    await _gateway.SendOpAsync(7);
                    break;
                case FaultKind.GatewayInvalidSessionResumable:
                    Mark(number, kind);
                    await _gateway.SendOpAsync(9, JsonValue.Create(true));
                    break;
                case FaultKind.GatewayInvalidSession:
                    return await InvalidateSessionAsync(cancellationToken);
                case FaultKind.GatewayMalformed:
                    await _gateway.SendRawAsync(MalformedFrames.Gateway(random));
                    break;
                default:
                    return false;
            }

            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or ObjectDisposedException or IOException or ConnectionAbortedException)
        {
            return false;
        }
    }

    /// <summary>
    /// What the gateway's frames and connections show about the client (call before stopping the bot, whose own
    /// close ends the session on purpose): identifies where a resume was due, resumes of a session that does not
    /// exist, identifies closer than 5 s, sessions ended with 1000/1001, frames over 4096 bytes, over 120 frames a minute.
    /// </summary>
    public void CheckGateway()
    {
        var frames = _gateway.Frames;
        var connections = _gateway.Connections;
        Dictionary<int, FaultKind> faults;
        lock (_gate)
        {
            faults = new Dictionary<int, FaultKind>(_faultOnConnection);
        }

        var identifies = 0;
        var identifyRequired = true;
        TimeSpan? lastIdentify = null;
        foreach (var connection in connections)
        {
            var start = frames.FirstOrDefault(f => f.Connection == connection.Number && f.Op is 2 or 6);
            if (start is { Op: 2 })
            {
                if (!identifyRequired)
                {
                    var why = faults.TryGetValue(connection.Number - 1, out var fault) ? Names.Of(fault) : "its own reconnect";
                    _violations.Add(Source, $"connection {connection.Number} identified anew where a resume was due (after {why})");
                }

                if (lastIdentify is { } last && start.ElapsedSinceStart - last < IdentifySpacing - RetryTolerance)
                {
                    _violations.Add(Source, $"identify on connection {connection.Number} {(start.ElapsedSinceStart - last).TotalSeconds:0.00} s after the previous one (max_concurrency 1: one per 5 s)");
                }

                lastIdentify = start.ElapsedSinceStart;
                identifies++;
                identifyRequired = false;
            }
            else if (start is { Op: 6 })
            {
                var session = start.Data?["session_id"]?.GetValue<string>();
                if (identifyRequired || session != SessionName(identifies))
                {
                    _violations.Add(Source, $"connection {connection.Number} resumed session '{session}' where it had to identify (current session: {SessionName(identifies)})");
                    identifyRequired = true;
                }
            }

            if (faults.TryGetValue(connection.Number, out var ended) && ended == FaultKind.GatewayInvalidSession)
            {
                identifyRequired = true;
            }
            else if (connection.Ended && connection.ClientCloseCode is 1000 or 1001)
            {
                _violations.Add(Source, $"connection {connection.Number} closed by the bot with {connection.ClientCloseCode}, which ends the session");
                identifyRequired = true;
            }

            var sent = frames.Where(f => f.Connection == connection.Number).ToList();
            foreach (var frame in sent)
            {
                var size = JsonSerializer.Serialize(new { op = frame.Op, d = frame.Data }).Length;
                if (size > 4096)
                {
                    _violations.Add(Source, $"a {size}-byte op {frame.Op} frame on connection {connection.Number} (limit 4096)");
                }
            }

            for (var i = 120; i < sent.Count; i++)
            {
                if (sent[i].ElapsedSinceStart - sent[i - 120].ElapsedSinceStart < TimeSpan.FromSeconds(60))
                {
                    _violations.Add(Source, $"more than 120 frames within 60 s on connection {connection.Number}");
                    break;
                }
            }
        }
    }

    /// <summary>Requests to paths the bot has no business calling.</summary>
    public void CheckRequests()
    {
        string[] known = [$"{ApiRoot}/gateway/bot", $"{ApiRoot}/applications/{ApplicationId}/commands", $"{ApiRoot}/interactions/", $"{ApiRoot}/webhooks/{ApplicationId}/"];
        foreach (var request in _rest.Requests.Where(r => !known.Any(k => r.Path.StartsWith(k, StringComparison.Ordinal))))
        {
            _violations.Add(Source, $"unexpected request {request.Method} {Route(request)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
    }

    private static string SessionName(int identifies) => $"session-{identifies}";

    private bool IsZombie(int connection)
    {
        lock (_gate)
        {
            return _zombies.Contains(connection);
        }
    }

    private void Mark(int connection, FaultKind kind)
    {
        lock (_gate)
        {
            _faultOnConnection[connection] = kind;
        }
    }

    /// <summary>
    /// Op 9 with <c>d:false</c>. Events of a session the server invalidates are gone, as on Discord, so the soak first
    /// holds new commands and waits (up to 10 s) until those in flight are answered: the fault tests the bot's new
    /// identify, not the platform's loss.
    /// </summary>
    private async Task<bool> InvalidateSessionAsync(CancellationToken cancellationToken)
    {
        if (_held)
        {
            return false;
        }

        _held = true;
        try
        {
            // A push that passed the hold just before it went up is stamped as sent within moments.
            await Task.Delay(200, cancellationToken);
            var patience = _clock.GetTimestamp();
            while (_ledger.InFlight(SoakPlatform.Discord) > 0 && _clock.GetElapsedTime(patience) < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, cancellationToken);
            }

            var connections = _gateway.Connections;
            if (!IsReady())
            {
                return false;
            }

            var number = connections[^1].Number;
            Mark(number, FaultKind.GatewayInvalidSession);
            _invalidatedConnection = number;
            await _gateway.SendOpAsync(9, JsonValue.Create(false));
            return true;
        }
        finally
        {
            _held = false;
        }
    }

    private ScriptedResponse Callback(TrackedCommand command, RecordedRequest request)
    {
        CheckRequest(request);
        if (Fault(request, command.Id) is { } fault)
        {
            return fault;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            _violations.Add(Source, $"{command.Id}: callback body is not JSON");
            return Error(400, 50035, "Invalid Form Body");
        }

        var type = body?["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : 0;
        var duplicate = false;
        _ledger.Update(command.Id, c =>
        {
            duplicate = c.Acknowledged;
            if (duplicate)
            {
                c.ExtraAcknowledgements++;
            }
        });
        if (duplicate)
        {
            _violations.Add(Source, $"{command.Id}: a second callback for one interaction (Discord answers 40060)");
            return Error(400, 40060, "Interaction has already been acknowledged.");
        }

        switch (type)
        {
            case 4:
                _ledger.Update(command.Id, c => c.Acknowledged = true);
                _ledger.Answered(command);
                break;
            case 5:
                var data = body?["data"] as JsonObject;
                if (data is not null && (data.Count > 1 || (data.Count == 1 && data["flags"]?.GetValue<int>() is not (0 or 64))))
                {
                    _violations.Add(Source, $"{command.Id}: a deferral may carry only the ephemeral flag, got {data.ToJsonString()}");
                }

                _ledger.Update(command.Id, c => (c.Acknowledged, c.Deferred) = (true, true));
                break;
            default:
                _violations.Add(Source, $"{command.Id}: callback type {type} for a slash command (only 4 or 5 fit)");
                return Error(400, 50035, "Invalid Form Body");
        }

        return ScriptedResponse.Status(204);
    }

    private ScriptedResponse Edit(TrackedCommand command, RecordedRequest request)
    {
        CheckRequest(request);
        if (Fault(request, "edit " + command.Id) is { } fault)
        {
            return fault;
        }

        var (acknowledged, deferred, answers) = (false, false, 0);
        _ledger.Update(command.Id, c => (acknowledged, deferred, answers) = (c.Acknowledged, c.Deferred, c.Answers));
        if (!acknowledged)
        {
            _violations.Add(Source, $"{command.Id}: edit of @original before any callback");
            return Error(404, 10015, "Unknown Webhook");
        }

        JsonNode? body = null;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            _violations.Add(Source, $"{command.Id}: edit body is not JSON");
            return Error(400, 50035, "Invalid Form Body");
        }

        if (deferred && answers == 0)
        {
            _ledger.Answered(command);
        }

        return ScriptedResponse.Json($$"""{"id":"m{{command.Id}}","channel_id":"c1","type":0,"content":"","embeds":[],"components":[]}""");
    }

    /// <summary>What Discord documents for every request: headers, and the callback or message body (shared with the tests' fakes).</summary>
    private void CheckRequest(RecordedRequest request)
    {
        foreach (var problem in DiscordRestRules.Check(request))
        {
            _violations.Add(Source, problem);
        }
    }

    /// <summary>An injected 429 or 5xx for this call, or null; flags a call that came back before its 429 said it may.</summary>
    private ScriptedResponse? Fault(RecordedRequest request, string key)
    {
        var now = _clock.GetTimestamp();
        lock (_gate)
        {
            if (_retryNotBefore.Remove(key, out var notBefore) && now < notBefore)
            {
                _violations.Add(Source, $"{request.Method} {Route(request)} retried {_clock.GetElapsedTime(now, notBefore).TotalMilliseconds:0} ms before its 429's retry_after was up");
            }
        }

        if (_faults.Next(key) is not { } fault)
        {
            return null;
        }

        if (fault.Kind != FaultKind.Http429)
        {
            return fault.Status == 502
                ? new ScriptedResponse(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
                : Error(fault.Status, 0, $"{fault.Status}: Internal Server Error");
        }

        lock (_gate)
        {
            _retryNotBefore[key] = now + (long)((fault.RetryAfter - RetryTolerance).TotalSeconds * _clock.TimestampFrequency);
        }

        var seconds = fault.RetryAfter.TotalSeconds;
        var reset = _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + seconds;
        var shared = key.Length % 2 == 0;
        return ScriptedResponse.Json(
                string.Create(CultureInfo.InvariantCulture, $$"""{"message":"You are being rate limited.","retry_after":{{seconds:0.000}},"global":false}"""), 429)
            .WithHeader("Retry-After", Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Limit", "5")
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", reset.ToString("0.000", CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Reset-After", seconds.ToString("0.000", CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Bucket", "soak-bucket")
            .WithHeader("X-RateLimit-Scope", shared ? "shared" : "user");
    }

    private static ScriptedResponse Error(int status, int code, string message) =>
        ScriptedResponse.Json(new JsonObject { ["message"] = message, ["code"] = code }.ToJsonString(), status);

    /// <summary>The path without the interaction token (tokens stay out of the report).</summary>
    private static string Route(RecordedRequest request)
    {
        var parts = request.Path.Split('/');
        if (request.Path.StartsWith(ApiRoot + "/interactions/", StringComparison.Ordinal) && parts.Length > 5)
        {
            parts[5] = "{token}";
        }
        else if (request.Path.StartsWith(ApiRoot + "/webhooks/", StringComparison.Ordinal) && parts.Length > 5)
        {
            parts[5] = "{token}";
        }

        return string.Join('/', parts);
    }
}
