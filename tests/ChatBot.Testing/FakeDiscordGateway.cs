using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Testing;

/// <summary>
/// A Discord gateway on Kestrel (127.0.0.1, free port) that speaks the protocol of PROTOCOLS.md
/// §1.2: Hello on connect, ACKs for heartbeats (unless told to withhold them), READY for an
/// Identify with a resume_gateway_url pointing back at itself (<c>/resume</c>), and for a Resume
/// the missed events of the session and then RESUMED (op 9 false for an unknown session). A test
/// pushes dispatches, sends op 7 / op 9, closes with a code or drops the connection, and reads
/// every frame the client sent.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<GatewayFrame> _frames = [];
    private readonly List<GatewayConnectionRecord> _connections = [];
    private readonly List<(long Sequence, string Event, JsonNode? Data)> _sessionLog = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly WebApplication _app;
    private readonly int _heartbeatIntervalMs;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Live? _current;
    private int _sessions;
    private long _sequence;

    private FakeDiscordGateway(int heartbeatIntervalMs)
    {
        _heartbeatIntervalMs = heartbeatIntervalMs;
        _app = LoopbackKestrel.Create(AcceptAsync, webSockets: true);
    }

    /// <summary>The URL <c>GET /gateway/bot</c> should return, e.g. <c>ws://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The current session's id (a new one per Identify).</summary>
    public string SessionId { get; private set; } = "";

    /// <summary>Which connections (1-based) get no op 11 for their heartbeats.</summary>
    public Func<int, bool> WithholdAcks { get; set; } = _ => false;

    /// <summary>When set, an Identify is answered by closing with this code instead of READY.</summary>
    public int? CloseCodeOnIdentify { get; set; }

    /// <summary>How many events at or before the client's seq a Resume replays again (a replay overlap, to test dedupe).</summary>
    public int ReplayOverlap { get; set; }

    /// <summary>Sends each dispatch in fragments of this many bytes (0: one frame per message).</summary>
    public int FragmentBytes { get; set; }

    public IReadOnlyList<GatewayFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public IReadOnlyList<GatewayConnectionRecord> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    public static async Task<FakeDiscordGateway> StartAsync(int heartbeatIntervalMs = 200)
    {
        var gateway = new FakeDiscordGateway(heartbeatIntervalMs);
        gateway.Url = new Uri((await LoopbackKestrel.StartAsync(gateway._app, webSocket: true)).AbsoluteUri.TrimEnd('/'));
        return gateway;
    }

    /// <summary>Sends a dispatch (op 0) with the next sequence number on the open connection and logs it for resumes.</summary>
    public async Task PushDispatchAsync(string eventName, JsonNode data)
    {
        var (live, frame) = LogDispatch(eventName, data);
        if (live is null)
        {
            throw new InvalidOperationException("No client is connected.");
        }

        await live.SendAsync(frame, FragmentBytes);
    }

    /// <summary>Logs a dispatch the client misses (it is not connected); a Resume replays it.</summary>
    public void AddMissedDispatch(string eventName, JsonNode data) => LogDispatch(eventName, data, send: false);

    /// <summary>Sends any frame (op 7, op 9 with <c>d</c>) on the open connection.</summary>
    public Task SendOpAsync(int op, JsonNode? data = null) =>
        Current().SendAsync(new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null }, 0);

    /// <summary>Sends <paramref name="text"/> as one text frame exactly as given (a malformed frame, for fault injection).</summary>
    public Task SendRawAsync(string text) => Current().SendRawAsync(text);

    /// <summary>Closes the open connection with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code) => Current().CloseAsync(code);

    /// <summary>Drops the open connection without a close frame.</summary>
    public void Drop() => Current().Context.Abort();

    /// <summary>Waits (default 10 s) for a received frame matching <paramref name="match"/>.</summary>
    public Task<GatewayFrame> WaitForFrameAsync(Func<GatewayFrame, bool> match, TimeSpan? timeout = null) =>
        WaitAsync(() => Frames.FirstOrDefault(match), "a matching frame", timeout);

    /// <summary>Waits (default 10 s) until <paramref name="count"/> connections were accepted.</summary>
    public Task<GatewayConnectionRecord> WaitForConnectionAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => Connections.Count >= count ? Connections[count - 1] : null, $"connection {count}", timeout);

    public async ValueTask DisposeAsync()
    {
        Live? live;
        lock (_gate)
        {
            live = _current;
        }

        live?.Context.Abort();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
    }

    private async Task<T> WaitAsync<T>(Func<T?> probe, string what, TimeSpan? timeout)
        where T : class
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", Frames.Select(f => $"#{f.Connection} op {f.Op}"));
                throw new TimeoutException($"Waited in vain for {what}; frames so far: {seen}");
            }
        }
    }

    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    private Live Current()
    {
        lock (_gate)
        {
            return _current ?? throw new InvalidOperationException("No client is connected.");
        }
    }

    private (Live? Live, JsonObject Frame) LogDispatch(string eventName, JsonNode? data, bool send = true)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            _sessionLog.Add((sequence, eventName, data?.DeepClone()));
            var frame = new JsonObject { ["op"] = 0, ["s"] = sequence, ["t"] = eventName, ["d"] = data?.DeepClone() };
            return (send ? _current : null, frame);
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Live live;
        lock (_gate)
        {
            var record = new GatewayConnectionRecord(_connections.Count + 1, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "");
            _connections.Add(record);
            live = new Live(record, socket, context);
            _current = live;
        }

        using var owned = live;
        Changed();
        try
        {
            await live.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = _heartbeatIntervalMs } }, 0);
            await ServeAsync(live);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ConnectionAbortedException or IOException)
        {
            // The client or the test dropped the connection.
        }
        finally
        {
            live.Record.Ended = true;
            lock (_gate)
            {
                if (_current == live)
                {
                    _current = null;
                }
            }

            Changed();
        }
    }

    private async Task ServeAsync(Live live)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await live.Socket.ReceiveAsync(buffer, live.Context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    live.Record.ClientCloseCode = (int?)result.CloseStatus;
                    Changed();
                    await live.CloseAsync((int?)result.CloseStatus ?? 1000);
                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var frame = JsonNode.Parse(message.ToArray())!.AsObject();
            var op = frame["op"]!.GetValue<int>();
            var data = frame["d"]?.DeepClone();
            lock (_gate)
            {
                _frames.Add(new GatewayFrame(live.Record.Number, op, data, _clock.Elapsed));
            }

            Changed();
            switch (op)
            {
                case 1 when !WithholdAcks(live.Record.Number):
                    await live.SendAsync(new JsonObject { ["op"] = 11 }, 0);
                    break;
                case 2:
                    await IdentifyAsync(live);
                    break;
                case 6:
                    await ResumeAsync(live, data!);
                    break;
                default:
                    break;
            }
        }
    }

    private async Task IdentifyAsync(Live live)
    {
        if (CloseCodeOnIdentify is { } code)
        {
            await live.CloseAsync(code);
            return;
        }

        JsonObject ready;
        lock (_gate)
        {
            SessionId = $"session-{++_sessions}";
            _sessionLog.Clear();
            _sequence = 0;
            ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = "42", ["username"] = "paperbot" },
                ["guilds"] = new JsonArray(),
                ["session_id"] = SessionId,
                ["resume_gateway_url"] = Url + "resume",
                ["application"] = new JsonObject { ["id"] = "app", ["flags"] = 0 },
            };
        }

        var (_, frame) = LogDispatch("READY", ready, send: false);
        await live.SendAsync(frame, 0);
    }

    private async Task ResumeAsync(Live live, JsonNode data)
    {
        List<JsonObject> replay;
        lock (_gate)
        {
            if (data["session_id"]?.GetValue<string>() != SessionId || SessionId.Length == 0)
            {
                replay = [];
            }
            else
            {
                var seq = data["seq"]?.GetValue<long>() ?? 0;
                replay = [.. _sessionLog
                    .Where(e => e.Sequence > seq - ReplayOverlap && e.Event != "READY")
                    .Select(e => new JsonObject { ["op"] = 0, ["s"] = e.Sequence, ["t"] = e.Event, ["d"] = e.Data?.DeepClone() })];
            }
        }

        if (data["session_id"]?.GetValue<string>() != SessionId)
        {
            await live.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false }, 0);
            return;
        }

        foreach (var frame in replay)
        {
            await live.SendAsync(frame, FragmentBytes);
        }

        var (_, resumed) = LogDispatch("RESUMED", new JsonObject(), send: false);
        await live.SendAsync(resumed, 0);
    }

    private sealed class Live(GatewayConnectionRecord record, WebSocket socket, HttpContext context) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public GatewayConnectionRecord Record { get; } = record;

        public WebSocket Socket { get; } = socket;

        public HttpContext Context { get; } = context;

        public async Task SendAsync(JsonObject frame, int fragmentBytes)
        {
            var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
            var size = fragmentBytes > 0 ? fragmentBytes : bytes.Length;
            await _sendLock.WaitAsync();
            try
            {
                for (var offset = 0; offset < bytes.Length; offset += size)
                {
                    var count = Math.Min(size, bytes.Length - offset);
                    await Socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public async Task SendRawAsync(string text)
        {
            await _sendLock.WaitAsync();
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public void Dispose() => _sendLock.Dispose();

        public async Task CloseAsync(int code)
        {
            await _sendLock.WaitAsync();
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake gateway", CancellationToken.None);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}
