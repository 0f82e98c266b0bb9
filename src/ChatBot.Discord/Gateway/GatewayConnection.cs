using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: sends are serialized (a WebSocket allows one at a time, and the
/// heartbeat runs beside the receive loop), frames are capped at 4096 bytes, received messages
/// are assembled from as many WebSocket fragments as they come in.
/// </summary>
internal sealed class GatewayConnection(ClientWebSocket socket, int maxMessageBytes) : IDisposable
{
    /// <summary>Discord closes with 4002 when a sent frame is larger.</summary>
    public const int MaxSendBytes = 4096;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    /// <summary>After a message bigger than this, the buffer is let go rather than kept for the life of the connection.</summary>
    private const int RetainedBufferBytes = 256 * 1024;

    private ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private volatile bool _acknowledged = true;
    private volatile bool _closeSent;

    /// <summary>True when an op 11 arrived since the last heartbeat we sent (or none was sent yet).</summary>
    public bool Acknowledged
    {
        get => _acknowledged;
        set => _acknowledged = value;
    }

    /// <summary>Set when this side decided the connection is a zombie and closed it.</summary>
    public bool IsZombie { get; set; }

    public int? CloseStatus => (int?)socket.CloseStatus;

    public string? CloseStatusDescription => socket.CloseStatusDescription;

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) =>
        socket.ConnectAsync(url, cancellationToken);

    public async Task SendAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(frame.ToJsonString());
        if (bytes.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"A gateway frame of {bytes.Length} bytes is over Discord's {MaxSendBytes}-byte limit.");
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// The next whole message, or null when the server sent a close frame. The returned memory
    /// is valid until the next call. A message larger than the cap throws
    /// <see cref="GatewayMessageTooLargeException"/> as soon as it is (it is never buffered whole).
    /// </summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Capacity > RetainedBufferBytes)
        {
            _buffer = new ArrayBufferWriter<byte>(16 * 1024);
        }

        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(8192), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > maxMessageBytes)
            {
                throw new GatewayMessageTooLargeException(maxMessageBytes);
            }

            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }

    /// <summary>
    /// Sends a close frame with <paramref name="code"/> without waiting for the server's answer;
    /// never throws (the connection may already be gone).
    /// </summary>
    public async Task TryCloseAsync(int code, string reason, TimeSpan timeout)
    {
        if (_closeSent || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        _closeSent = true;
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await _sendLock.WaitAsync(patience.Token);
            try
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, patience.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
