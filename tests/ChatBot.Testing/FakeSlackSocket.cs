using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace ChatBot.Testing;

/// <summary>
/// One WebSocket accepted by <see cref="FakeSlackSocketServer"/>: the test sends Slack frames (hello,
/// envelopes, disconnects) and reads what the client sent back (acknowledgements), in order.
/// </summary>
public sealed class FakeSlackSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Action<string> _record;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private readonly Channel<string> _arrivals = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeSlackSocket(int index, WebSocket socket, Action<string> record)
    {
        Index = index;
        _socket = socket;
        _record = record;
    }

    /// <summary>0 for the first connection the server accepted, 1 for the next, ...</summary>
    public int Index { get; }

    /// <summary>Completes when the client closed the socket or it dropped.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Text frames the client sent, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendHelloAsync(int connections = 1) =>
        SendAsync($$$"""{"type":"hello","num_connections":{{{connections}}},"connection_info":{"app_id":"A123"},"debug_info":{"host":"fake","approximate_connection_time":18060}}""");

    public Task SendDisconnectAsync(string reason) =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"fake"}}""");

    /// <summary>Sends an envelope: <paramref name="payloadJson"/> is the payload object's JSON.</summary>
    public Task SendEnvelopeAsync(string type, string envelopeId, string payloadJson, int retryAttempt = 0, bool acceptsResponsePayload = true) =>
        SendAsync($$"""{"type":"{{type}}","envelope_id":"{{envelopeId}}","payload":{{payloadJson}},"accepts_response_payload":{{(acceptsResponsePayload ? "true" : "false")}},"retry_attempt":{{retryAttempt}},"retry_reason":"{{(retryAttempt > 0 ? "timeout" : "")}}"}""");

    /// <summary>Waits (default up to 10 s) for the next frame from the client that satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForMessageAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var message = await _arrivals.Reader.ReadAsync(cancellation.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"Connection {Index}: no matching frame; received: {string.Join(" | ", Received)}");
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _record($"close {Index}");
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.ToArray());
                    message.SetLength(0);
                    lock (_gate)
                    {
                        _received.Add(text);
                    }

                    _arrivals.Writer.TryWrite(text);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _record($"drop {Index}");
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort() => _socket.Abort();
}
