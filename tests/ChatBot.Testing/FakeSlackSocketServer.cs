using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Testing;

/// <summary>
/// Slack's Socket Mode side on Kestrel (127.0.0.1, a free port): accepts WebSockets on <c>/link/</c>, says
/// <c>hello</c> on each unless <see cref="AutoHello"/> is off, and keeps an ordered log of what happened
/// (<c>open 0</c>, <c>close 0</c>, <c>drop 1</c>) so tests can check that a replacement opened before the
/// old connection closed. Pair it with a <see cref="LoopbackHttpServer"/> answering <c>apps.connections.open</c>
/// with <see cref="LinkUrl"/>.
/// </summary>
/// <remarks>
/// It checks what Slack checks: each <see cref="LinkUrl"/> ticket is single-use (apps.connections.open hands out
/// a fresh, temporary URL for every connection, https://api.slack.com/methods/apps.connections.open), so a second
/// connect with the same URL, or one with a ticket never handed out, is refused (HTTP 401) and reported; and each
/// connection checks the client's acknowledgements (<see cref="FakeSlackSocket"/>). Tests that run the client
/// normally assert <see cref="ProtocolViolations"/> is empty.
/// </remarks>
public sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeSlackSocket> _connections = [];
    private readonly List<string> _events = [];
    private readonly List<string> _violations = [];
    private readonly HashSet<string> _issuedTickets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedTickets = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _tickets;
    private int _accepted;

    private FakeSlackSocketServer()
    {
        _app = LoopbackKestrel.Create(AcceptAsync, webSockets: true);
    }

    /// <summary>Send <c>hello</c> as soon as a connection is accepted (default true).</summary>
    public bool AutoHello { get; set; } = true;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<FakeSlackSocket> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>What happened, in order: <c>open N</c>, <c>close N</c> (the client closed), <c>drop N</c>.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Every documented rule the client broke, one line each, in order.</summary>
    public IReadOnlyList<string> ProtocolViolations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var server = new FakeSlackSocketServer();
        server.BaseAddress = await LoopbackKestrel.StartAsync(server._app, webSocket: true);
        return server;
    }

    /// <summary>A fresh <c>wss://…/link/?ticket=N</c>-style URL, as <c>apps.connections.open</c> returns.</summary>
    public Uri LinkUrl()
    {
        var ticket = Interlocked.Increment(ref _tickets).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _issuedTickets.Add(ticket);
        }

        return new(BaseAddress, $"link/?ticket={ticket}");
    }

    /// <summary>The <c>apps.connections.open</c> answer for a <see cref="LoopbackHttpServer"/>.</summary>
    public ScriptedResponse ConnectionsOpenResponse() => ScriptedResponse.Json($$"""{"ok":true,"url":"{{LinkUrl()}}"}""");

    /// <summary>Waits (default up to 10 s) until connection number <paramref name="index"/> (0-based) has been accepted.</summary>
    public async Task<FakeSlackSocket> WaitForConnectionAsync(int index, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => _connections.Exists(c => c.Index == index), timeout, () => $"connection {index}");
        return Connections.Single(c => c.Index == index);
    }

    /// <summary>Waits until <paramref name="entry"/> appears in <see cref="Events"/>.</summary>
    public Task WaitForEventAsync(string entry, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => _events.Contains(entry), timeout, () => $"event '{entry}'");

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
        foreach (var connection in Connections)
        {
            connection.Dispose();
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout, Func<string> what)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"FakeSlackSocketServer: no {what()}; events: {string.Join(", ", Events)}");
            }
        }
    }

    private void AddViolation(string violation)
    {
        lock (_gate)
        {
            _violations.Add(violation);
        }
    }

    private void Record(string entry, FakeSlackSocket? connection = null)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (connection is not null)
            {
                _connections.Add(connection);
            }

            _events.Add(entry);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var ticket = context.Request.Query["ticket"].ToString();
        string? refusal;
        lock (_gate)
        {
            refusal = !_issuedTickets.Contains(ticket) ? $"a connection with ticket '{ticket}', which apps.connections.open never handed out"
                : !_usedTickets.Add(ticket) ? $"a second connection with ticket '{ticket}' (each URL is single-use)"
                : null;
            if (refusal is not null)
            {
                _violations.Add(refusal);
            }
        }

        if (refusal is not null)
        {
            Record("refused " + ticket);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSlackSocket(Interlocked.Increment(ref _accepted) - 1, webSocket, entry => Record(entry), AddViolation);

        Record($"open {connection.Index}", connection);
        if (AutoHello)
        {
            await connection.SendHelloAsync();
        }

        await connection.RunAsync(context.RequestAborted);
    }
}
