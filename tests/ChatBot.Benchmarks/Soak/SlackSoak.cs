using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatBot.Testing;
using Microsoft.AspNetCore.Connections;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Slack's side of the soak: Socket Mode connections (<see cref="FakeSlackSocketServer"/>) that deliver each command as
/// a <c>slash_commands</c> envelope with a unique id on one open connection, and a Web API fake
/// (<see cref="LoopbackHttpServer"/>) for <c>apps.connections.open</c> and the commands' <c>response_url</c>s. It
/// reads every acknowledgement and records what breaks PROTOCOLS.md §2: acks twice, acks for unknown envelopes or on
/// another connection, payloads where none is accepted, messages over Block Kit's limits, more than 5 posts to a
/// response_url, calls before a 429's Retry-After, more than 10 connections at once.
/// </summary>
internal sealed class SlackSoak : IAsyncDisposable
{
    private const string Source = "slack";
    private const string AppToken = "xapp-soak-app-token";
    private const int MaxResponseUrlPosts = 5;
    private static readonly TimeSpan RaceWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SettleAfterOpen = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryTolerance = TimeSpan.FromMilliseconds(50);

    private readonly FakeSlackSocketServer _server;
    private readonly LoopbackHttpServer _api;
    private readonly CommandLedger _ledger;
    private readonly ViolationLog _violations;
    private readonly HttpFaults _faults;
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly Channel<(TrackedCommand Command, string Payload)> _outbox = Channel.CreateUnbounded<(TrackedCommand, string)>();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlackEnvelope> _envelopes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, SlackConnectionState> _connections = [];
    private readonly Dictionary<string, TrackedCommand> _byResponseId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _responsePosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _retryNotBefore = new(StringComparer.Ordinal);

    private SlackSoak(FakeSlackSocketServer server, LoopbackHttpServer api, CommandLedger ledger, ViolationLog violations, HttpFaults faults, TimeProvider clock, int seed)
    {
        _server = server;
        _api = api;
        _ledger = ledger;
        _violations = violations;
        _faults = faults;
        _clock = clock;
        _random = new Random(seed ^ 0x51ac);
    }

    public FakeSlackSocketServer Server => _server;

    public static async Task<SlackSoak> StartAsync(CommandLedger ledger, ViolationLog violations, HttpFaults faults, TimeProvider clock, int seed)
    {
        var server = await FakeSlackSocketServer.StartAsync();
        var api = await LoopbackHttpServer.StartAsync(clock);
        var soak = new SlackSoak(server, api, ledger, violations, faults, clock, seed);
        api.Map("POST", "/api/apps.connections.open", (request, _) => Task.FromResult(soak.ConnectionsOpen(request)));
        api.Map("POST", "/response", (request, _) => Task.FromResult(soak.ResponseUrl(request)));
        return soak;
    }

    /// <summary>The settings that point the bot at these fakes.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(string botToken) =>
    [
        new("Slack__BotToken", botToken),
        new("Slack__AppToken", AppToken),
        new("Slack__ApiBaseUrl", new Uri(_api.BaseAddress, "api/").AbsoluteUri),
    ];

    /// <summary>Connections open (seen for a moment, not ended, not being dropped).</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return OpenNow().Count;
            }
        }
    }

    /// <summary>Queues <paramref name="request"/> as a slash command; <see cref="PumpAsync"/> delivers it.</summary>
    public void Send(TrackedCommand command, SoakRequest request)
    {
        lock (_gate)
        {
            _byResponseId[command.Id] = command;
        }

        var payload = new JsonObject
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = "T1",
            ["team_domain"] = "soak",
            ["channel_id"] = "C1",
            ["channel_name"] = "general",
            ["user_id"] = "U1",
            ["user_name"] = "ada",
            ["command"] = "/papers",
            ["text"] = request.Text,
            ["api_app_id"] = "A123",
            ["is_enterprise_install"] = "false",
            ["response_url"] = new Uri(_api.BaseAddress, "response?id=" + command.Id).AbsoluteUri,
            ["trigger_id"] = "trigger-" + command.Id,
        };
        _outbox.Writer.TryWrite((command, payload.ToJsonString()));
    }

    /// <summary>Sends queued commands, each on one open connection picked at random; waits while none is open.</summary>
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (command, payload) in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                while (!await TrySendAsync(command, payload))
                {
                    await Task.Delay(20, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads what the bot sends on every connection and notes connections that end, every 25 ms.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Watch();
                await Task.Delay(25, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Watch();
        }
    }

    /// <summary>Applies one Socket Mode fault to an open connection picked at random; false when none is open.</summary>
    public async Task<bool> InjectAsync(FaultKind kind, Random random)
    {
        FakeSlackSocket socket;
        lock (_gate)
        {
            var open = OpenNow();
            if (open.Count == 0)
            {
                return false;
            }

            socket = open[random.Next(open.Count)];
            if (kind == FaultKind.SocketDrop)
            {
                _connections[socket.Index].DroppedBySoak = true;
            }
        }

        try
        {
            switch (kind)
            {
                case FaultKind.SocketDrop:
                    socket.Abort();
                    break;
                case FaultKind.SocketRefresh:
                    await socket.SendDisconnectAsync("refresh_requested");
                    break;
                case FaultKind.SocketWarning:
                    await socket.SendDisconnectAsync("warning");
                    break;
                case FaultKind.SocketMalformed:
                    var frame = MalformedFrames.Socket(random, out var envelopeId);
                    if (envelopeId is not null)
                    {
                        lock (_gate)
                        {
                            _envelopes[envelopeId] = new SlackEnvelope(envelopeId, null, socket.Index, _clock.GetTimestamp(), frame.Contains("\"accepts_response_payload\":true", StringComparison.Ordinal));
                        }
                    }

                    await socket.SendAsync(frame);
                    break;
                default:
                    return false;
            }

            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException or ConnectionAbortedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Once the bot has stopped taking commands: every envelope without an ack is either lost with the connection the
    /// soak cut (or that was closing as it was sent), or the bot's failure. Malformed envelopes never acknowledged on
    /// a connection that stayed up are violations (Slack redelivers what is not acknowledged).
    /// </summary>
    public void Finish()
    {
        Watch();
        lock (_gate)
        {
            foreach (var envelope in _envelopes.Values.Where(e => e.Acks == 0))
            {
                var connection = _connections.GetValueOrDefault(envelope.Connection);
                var lostWithConnection = connection is { DroppedBySoak: true }
                    || (connection?.EndedAt is { } ended && _clock.GetElapsedTime(envelope.SentAt, ended) < RaceWindow);
                if (envelope.Command is { } command)
                {
                    if (lostWithConnection && command.Answers == 0)
                    {
                        command.LostBecause = $"connection {envelope.Connection} ended before the ack";
                    }
                }
                else if (!lostWithConnection)
                {
                    _violations.Add(Source, $"envelope {envelope.Id} (malformed) never acknowledged");
                }
            }

            var open = 0;
            var most = 0;
            foreach (var entry in _server.Events)
            {
                open += entry.StartsWith("open ", StringComparison.Ordinal) ? 1 : -1;
                most = Math.Max(most, open);
            }

            if (most > 10)
            {
                _violations.Add(Source, $"{most} Socket Mode connections open at once (Slack allows 10)");
            }
        }
    }

    /// <summary>Requests to paths the bot has no business calling.</summary>
    public void CheckRequests()
    {
        foreach (var request in _api.Requests.Where(r => r.Path is not ("/api/apps.connections.open" or "/response")))
        {
            _violations.Add(Source, $"unexpected request {request.Method} {request.Path}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _server.DisposeAsync();
        await _api.DisposeAsync();
    }

    private List<FakeSlackSocket> OpenNow()
    {
        var now = _clock.GetTimestamp();
        return [.. _server.Connections.Where(c => !c.Closed.IsCompleted
            && _connections.TryGetValue(c.Index, out var state) && !state.DroppedBySoak && state.EndedAt is null
            && _clock.GetElapsedTime(state.OpenedAt, now) >= SettleAfterOpen)];
    }

    private async Task<bool> TrySendAsync(TrackedCommand command, string payload)
    {
        FakeSlackSocket socket;
        SlackEnvelope envelope;
        lock (_gate)
        {
            var open = OpenNow();
            if (open.Count == 0)
            {
                return false;
            }

            socket = open[_random.Next(open.Count)];
            envelope = new SlackEnvelope("env-" + command.Id, command, socket.Index, _clock.GetTimestamp(), acceptsResponsePayload: true);
            _envelopes[envelope.Id] = envelope;
        }

        try
        {
            await socket.SendEnvelopeAsync("slash_commands", envelope.Id, payload);
            _ledger.Update(command.Id, c => (c.SentAt, c.Connection) = (envelope.SentAt, socket.Index));
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException or ConnectionAbortedException)
        {
            // The connection went down before the envelope left: Slack would send it on another one.
            lock (_gate)
            {
                _envelopes.Remove(envelope.Id);
            }

            return false;
        }
    }

    private void Watch()
    {
        foreach (var socket in _server.Connections)
        {
            SlackConnectionState state;
            lock (_gate)
            {
                if (!_connections.TryGetValue(socket.Index, out state!))
                {
                    _connections[socket.Index] = state = new SlackConnectionState(_clock.GetTimestamp());
                }
            }

            var ended = socket.Closed.IsCompleted;
            var received = socket.Received;
            for (var i = state.FramesRead; i < received.Count; i++)
            {
                Acknowledged(socket.Index, received[i]);
            }

            lock (_gate)
            {
                state.FramesRead = received.Count;
                if (ended && state.EndedAt is null)
                {
                    state.EndedAt = _clock.GetTimestamp();
                }
            }
        }
    }

    private void Acknowledged(int connection, string text)
    {
        JsonNode? frame;
        try
        {
            frame = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            _violations.Add(Source, $"connection {connection}: a frame from the bot that is not JSON");
            return;
        }

        if (frame?["envelope_id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            _violations.Add(Source, $"connection {connection}: a frame from the bot without envelope_id: {Shorten(text)}");
            return;
        }

        SlackEnvelope? envelope;
        int acks;
        lock (_gate)
        {
            if (!_envelopes.TryGetValue(id, out envelope))
            {
                _violations.Add(Source, $"connection {connection}: ack for an envelope never sent ({Shorten(id)})");
                return;
            }

            acks = ++envelope.Acks;
        }

        var name = envelope.Command?.Id ?? id;
        if (acks > 1)
        {
            _violations.Add(Source, $"{name}: envelope acknowledged {acks} times");
            if (envelope.Command is { } twice)
            {
                _ledger.Update(twice.Id, c => c.ExtraAcknowledgements++);
            }
        }

        if (envelope.Connection != connection)
        {
            _violations.Add(Source, $"{name}: acknowledged on connection {connection}, sent on {envelope.Connection}");
        }

        var payload = frame["payload"];
        if (payload is not null)
        {
            if (!envelope.AcceptsResponsePayload)
            {
                _violations.Add(Source, $"{name}: ack with a payload for an envelope that accepts none");
            }

            foreach (var problem in SlackMessageRules.Check(name, JsonSerializer.SerializeToElement(payload), requireText: true))
            {
                _violations.Add(Source, problem);
            }
        }

        if (envelope.Command is { } command && acks == 1)
        {
            _ledger.Update(command.Id, c => (c.Acknowledged, c.Deferred) = (true, payload is null));
            if (payload is not null)
            {
                _ledger.Answered(command);
            }
        }
    }

    private ScriptedResponse ConnectionsOpen(RecordedRequest request)
    {
        if (request.Header("Authorization") != "Bearer " + AppToken)
        {
            _violations.Add(Source, "apps.connections.open without the app-level token in the Authorization header");
        }

        if (Fault(request, "apps.connections.open") is { } fault)
        {
            return fault;
        }

        return _server.ConnectionsOpenResponse();
    }

    private ScriptedResponse ResponseUrl(RecordedRequest request)
    {
        var id = request.Query("id") ?? "";
        TrackedCommand? command;
        lock (_gate)
        {
            _byResponseId.TryGetValue(id, out command);
        }

        if (command is null)
        {
            _violations.Add(Source, $"post to a response_url never handed out (id '{Shorten(id)}')");
            return ScriptedResponse.Status(404, "no_response_url");
        }

        if (Fault(request, "response " + id) is { } fault)
        {
            return fault;
        }

        int posts;
        lock (_gate)
        {
            posts = _responsePosts[id] = _responsePosts.GetValueOrDefault(id) + 1;
        }

        if (posts > MaxResponseUrlPosts)
        {
            _violations.Add(Source, $"{id}: post {posts} to one response_url (Slack allows 5)");
        }

        try
        {
            using var message = JsonDocument.Parse(request.Body);
            foreach (var problem in SlackMessageRules.Check($"{id}: response_url", message.RootElement, requireText: true))
            {
                _violations.Add(Source, problem);
            }
        }
        catch (JsonException)
        {
            _violations.Add(Source, $"{id}: response_url post that is not JSON");
            return ScriptedResponse.Status(400, "invalid_payload");
        }

        _ledger.Answered(command);
        return ScriptedResponse.Text("ok");
    }

    /// <summary>
    /// An injected 429 or 5xx for this call to <paramref name="key"/> (a method, or one response_url), or null; flags
    /// a call to the same key that came back before its 429's Retry-After was up.
    /// </summary>
    private ScriptedResponse? Fault(RecordedRequest request, string key)
    {
        var now = _clock.GetTimestamp();
        lock (_gate)
        {
            if (_retryNotBefore.Remove(key, out var notBefore) && now < notBefore)
            {
                _violations.Add(Source, $"{request.Path} called {_clock.GetElapsedTime(now, notBefore).TotalMilliseconds:0} ms before the Retry-After of its 429 was up");
            }
        }

        if (_faults.Next(key) is not { } fault)
        {
            return null;
        }

        if (fault.Kind != FaultKind.Http429)
        {
            return ScriptedResponse.Text($"{fault.Status} upstream trouble", fault.Status);
        }

        var seconds = (int)Math.Ceiling(fault.RetryAfter.TotalSeconds);
        lock (_gate)
        {
            _retryNotBefore[key] = now + (long)((TimeSpan.FromSeconds(seconds) - RetryTolerance).TotalSeconds * _clock.TimestampFrequency);
        }

        return ScriptedResponse.Json("""{"ok":false,"error":"ratelimited"}""", 429)
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
