using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Testing;

/// <summary>
/// A scriptable HTTP server on Kestrel, bound to 127.0.0.1 on a free port, for faking the APIs
/// the bot calls (Hugging Face, arXiv, later Discord and Slack REST). A test maps handlers per
/// path, or queues scripted responses per path (a queue answers first, in order); anything
/// unscripted gets 404. Every request is recorded with its headers, body and the time it arrived.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const string AnyMethod = "*";

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<(string Method, string Path), Func<RecordedRequest, CancellationToken, Task<ScriptedResponse>>> _handlers = [];
    private readonly Dictionary<string, Queue<ScriptedResponse>> _queues = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly WebApplication _app;
    private TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackHttpServer(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _app = LoopbackKestrel.Create(HandleAsync);
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server; <paramref name="timeProvider"/> stamps <see cref="RecordedRequest.ReceivedAt"/>.</summary>
    public static async Task<LoopbackHttpServer> StartAsync(TimeProvider? timeProvider = null)
    {
        var server = new LoopbackHttpServer(timeProvider ?? TimeProvider.System);
        server.BaseAddress = await LoopbackKestrel.StartAsync(server._app);
        return server;
    }

    /// <summary>Answers every request to <paramref name="path"/>, any method, with <paramref name="handler"/>.</summary>
    public void Map(string path, Func<RecordedRequest, ScriptedResponse> handler) =>
        Map(AnyMethod, path, (request, _) => Task.FromResult(handler(request)));

    /// <summary>Answers <paramref name="method"/> requests to <paramref name="path"/>; an exact method beats <c>*</c>.</summary>
    public void Map(string method, string path, Func<RecordedRequest, CancellationToken, Task<ScriptedResponse>> handler)
    {
        lock (_gate)
        {
            _handlers[(method.ToUpperInvariant(), path)] = handler;
        }
    }

    /// <summary>Queues responses for <paramref name="path"/>; each answers one request, before any mapped handler.</summary>
    public void Enqueue(string path, params ScriptedResponse[] responses)
    {
        lock (_gate)
        {
            if (!_queues.TryGetValue(path, out var queue))
            {
                _queues[path] = queue = new Queue<ScriptedResponse>();
            }

            foreach (var response in responses)
            {
                queue.Enqueue(response);
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived (default: up to 10 s).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return [.. _requests];
                }

                arrived = _requestArrived.Task;
            }

            try
            {
                await arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} requests, got {Requests.Count}: {string.Join(", ", Requests.Select(r => r.PathAndQuery))}");
            }
        }
    }

    /// <summary>
    /// Waits for the first request that matches <paramref name="match"/>, however many others come before it; each
    /// next request must arrive within <paramref name="timeout"/> (default: 10 s).
    /// </summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        for (var count = 1; ; count++)
        {
            var requests = await WaitForRequestsAsync(count, timeout);
            if (requests.FirstOrDefault(match) is { } hit)
            {
                return hit;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        var response = await ScriptFor(request)(request, context.RequestAborted);

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, Encoding.UTF8, context.RequestAborted);
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var receivedAt = _timeProvider.GetUtcNow();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            receivedAt);

        TaskCompletionSource arrived;
        lock (_gate)
        {
            _requests.Add(request);
            arrived = _requestArrived;
            _requestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        return request;
    }

    private Func<RecordedRequest, CancellationToken, Task<ScriptedResponse>> ScriptFor(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_queues.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var queued))
            {
                return (_, _) => Task.FromResult(queued);
            }

            if (_handlers.TryGetValue((request.Method.ToUpperInvariant(), request.Path), out var handler)
                || _handlers.TryGetValue((AnyMethod, request.Path), out handler))
            {
                return handler;
            }
        }

        return (unscripted, _) => Task.FromResult(ScriptedResponse.Status(404, $"LoopbackHttpServer: nothing scripted for {unscripted.Method} {unscripted.Path}"));
    }
}
