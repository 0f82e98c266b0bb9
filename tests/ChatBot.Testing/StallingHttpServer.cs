using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatBot.Testing;

/// <summary>
/// A server on 127.0.0.1 that takes HTTP connections and then stalls: it reads each request and answers
/// nothing, or only a response head and the first bytes of a body. For what a client does when the network
/// does not fail but does not deliver either (a half-dead proxy, a slow upstream).
/// </summary>
public sealed class StallingHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[]? _answer;
    private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private int _requests;

    private StallingHttpServer(string? answer)
    {
        _answer = answer is null ? null : Encoding.UTF8.GetBytes(answer);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Requests whose head has fully arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Accepts, reads the request, never answers.</summary>
    public static StallingHttpServer NeverAnswering() => new(answer: null);

    /// <summary>Answers 200 with <paramref name="contentType"/>, a long Content-Length and <paramref name="bodyStart"/>, then nothing more.</summary>
    public static StallingHttpServer AnsweringHeadOnly(string contentType, string bodyStart) =>
        new($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: 1000000\r\n\r\n{bodyStart}");

    /// <summary>Completes once a request's head has arrived (up to 10 s).</summary>
    public Task WaitForRequestAsync() => _requestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll([_accepting, .. connections]).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_gate)
                {
                    _connections.Add(HoldAsync(client));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task HoldAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Interlocked.Increment(ref _requests);
                if (_answer is not null)
                {
                    await stream.WriteAsync(_answer, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }

                _requestArrived.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // Stopped, or the client gave up.
            }
        }
    }
}
