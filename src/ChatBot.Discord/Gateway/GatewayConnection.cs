using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway, kept alive: sends are serialized (a WebSocket allows one at a time, and the
/// heartbeat runs beside the receive loop), frames are capped at 4096 bytes, received messages are assembled
/// from as many fragments as they come in, and once Hello gives the interval it heartbeats on the injected
/// clock and closes the connection as a zombie when an op 11 ACK does not come back in time
/// (https://discord.com/developers/docs/events/gateway#sending-heartbeats). Everything it does ends with
/// <see cref="Token"/>: the heartbeat, a zombie, or the grace after shutdown cancels it.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    /// <summary>Discord closes with 4002 when a sent frame is larger.</summary>
    public const int MaxSendBytes = 4096;

    /// <summary>After a message bigger than this, the buffer is let go rather than kept for the life of the connection.</summary>
    private const int RetainedBufferBytes = 256 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly DiscordGatewaySettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime;
    private ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Task? _heartbeat;
    private volatile bool _acknowledged = true;
    private volatile bool _closeSent;
    private volatile bool _zombie;

    public GatewayConnection(ClientWebSocket socket, DiscordGatewaySettings settings, TimeProvider timeProvider, ILogger logger)
    {
        _socket = socket;
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _lifetime = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
    }

    /// <summary>Cancelled when the connection is over: a zombie, the end of the shutdown grace, or disposal.</summary>
    public CancellationToken Token => _lifetime.Token;

    /// <summary>Set when no heartbeat ACK came back in time and this side closed the connection.</summary>
    public bool IsZombie => _zombie;

    /// <summary>True once Hello started the heartbeat (a second Hello on one connection is not one to act on).</summary>
    public bool IsHeartbeating => _heartbeat is not null;

    public int? CloseStatus => (int?)_socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public Task ConnectAsync(Uri url) => _socket.ConnectAsync(url, Token);

    /// <summary>
    /// At shutdown: a graceful 1000 at once (it ends the session on Discord's side), and the connection gets
    /// <see cref="DiscordGatewaySettings.CloseTimeout"/> to finish before <see cref="Token"/> is cancelled.
    /// </summary>
    public CancellationTokenRegistration CloseOnShutdown(CancellationToken stoppingToken) => stoppingToken.Register(() =>
    {
        _ = TryCloseAsync(1000, "shutting down");
        _lifetime.CancelAfter(_settings.CloseTimeout);
    });

    public async Task SendAsync(JsonObject frame)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(frame.ToJsonString());
        if (bytes.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"A gateway frame of {bytes.Length} bytes is over Discord's {MaxSendBytes}-byte limit.");
        }

        await _sendLock.WaitAsync(Token);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// The next whole message, or null when the server sent a close frame. The returned memory is valid until
    /// the next call. A message larger than <see cref="DiscordGatewaySettings.MaxMessageBytes"/> throws
    /// <see cref="GatewayMessageTooLargeException"/> as soon as it is (it is never buffered whole).
    /// </summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        if (_buffer.Capacity > RetainedBufferBytes)
        {
            _buffer = new ArrayBufferWriter<byte>(16 * 1024);
        }

        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.GetMemory(8192), Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > _settings.MaxMessageBytes)
            {
                throw new GatewayMessageTooLargeException(_settings.MaxMessageBytes);
            }

            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }

    /// <summary>
    /// Heartbeats every <paramref name="interval"/>, the first after a random part of it (so clients that connected
    /// together do not beat in step), each carrying <paramref name="heartbeat"/>'s payload. Started once, on Hello.
    /// </summary>
    public void StartHeartbeat(TimeSpan interval, Func<JsonObject> heartbeat) =>
        _heartbeat ??= HeartbeatAsync(interval, heartbeat);

    /// <summary>An op 11 ACK arrived.</summary>
    public void Acknowledge() => _acknowledged = true;

    /// <summary>
    /// Sends a close frame with <paramref name="code"/> without waiting for the server's answer; never throws
    /// (the connection may already be gone).
    /// </summary>
    public async Task TryCloseAsync(int code, string reason)
    {
        if (_closeSent || _socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        _closeSent = true;
        using var patience = new CancellationTokenSource(_settings.CloseTimeout);
        try
        {
            await _sendLock.WaitAsync(patience.Token);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, patience.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Ends the connection: cancels <see cref="Token"/>, waits for the heartbeat to stop, then lets the socket go.</summary>
    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        if (_heartbeat is not null)
        {
            await _heartbeat;
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _lifetime.Dispose();
    }

    private async Task HeartbeatAsync(TimeSpan interval, Func<JsonObject> heartbeat)
    {
        var cancellationToken = Token;
        try
        {
            await Task.Delay(interval * _settings.Jitter(), _timeProvider, cancellationToken);
            while (true)
            {
                if (!_acknowledged)
                {
                    Log.GatewayZombie(_logger, interval);
                    _zombie = true;
                    await TryCloseAsync(GatewayCloseCodes.ClientResuming, "no heartbeat ack");
                    await _lifetime.CancelAsync();
                    return;
                }

                _acknowledged = false;
                await SendAsync(heartbeat());
                await Task.Delay(interval, _timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection ended.
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The receive loop sees the same failure and decides what to do.
        }
    }
}
