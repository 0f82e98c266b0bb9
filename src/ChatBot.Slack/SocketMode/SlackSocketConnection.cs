using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Json;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: reads frames until it closes, reports <c>hello</c> and <c>disconnect</c>,
/// hands envelopes to the client, and sends acknowledgements (one sender at a time). Closing waits
/// briefly for acknowledgements still being prepared, so a refresh loses none.
/// </summary>
internal sealed class SlackSocketConnection : IAsyncDisposable
{
    /// <summary>The largest inbound message read (1 MiB); a larger one closes the connection (1009), which is then replaced.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket;
    private readonly Func<SlackSocketConnection, SocketEnvelope, Task> _onEnvelope;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();
    private Task _receiving = Task.CompletedTask;

    private SlackSocketConnection(int slot, ClientWebSocket socket, Func<SlackSocketConnection, SocketEnvelope, Task> onEnvelope, ILogger logger)
    {
        Slot = slot;
        _socket = socket;
        _onEnvelope = onEnvelope;
        _logger = logger;
    }

    public int Slot { get; }

    /// <summary>Completes when Slack says <c>hello</c>.</summary>
    public Task Hello => _hello.Task;

    /// <summary>Completes with the reason of a <c>disconnect</c> frame (<c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>).</summary>
    public Task<string> Disconnect => _disconnect.Task;

    /// <summary>Completes when the socket stops receiving: closed by either side or dropped.</summary>
    public Task Receiving => _receiving;

    public static async Task<SlackSocketConnection> ConnectAsync(
        int slot, Uri url, Func<SlackSocketConnection, SocketEnvelope, Task> onEnvelope, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SlackSocketConnection(slot, socket, onEnvelope, logger);
        connection._receiving = connection.ReceiveLoopAsync();
        return connection;
    }

    public async Task SendAsync(Acknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(acknowledgement, SlackJson.Options);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits (briefly) for acknowledgements in flight, then closes the socket normally.</summary>
    public async Task CloseAsync()
    {
        var pending = Task.WhenAll(_inFlight.Keys);
        await pending.WaitAsync(CloseTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!pending.IsCompleted)
        {
            Log.SocketCloseWithPendingAcks(_logger, Slot, _inFlight.Count);
        }

        using var patience = new CancellationTokenSource(CloseTimeout);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _sendLock.WaitAsync(patience.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", patience.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }

            await _receiving.WaitAsync(patience.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _sendLock.Dispose();
        _lifetime.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _lifetime.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (message.Length + result.Count > MaxMessageBytes)
                {
                    // Never buffer without bound: a message this large is not Slack's; this connection is replaced.
                    Log.SocketMessageTooLarge(_logger, Slot, MaxMessageBytes);
                    await CloseTooLargeAsync();
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                }
                else
                {
                    Log.SocketFrameMalformed(_logger, Slot, "a binary message (Slack sends text)");
                }

                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Log.SocketDropped(_logger, Slot, e.Message);
        }
#pragma warning disable CA1031 // Whatever a peer sends must not end this loop with an exception: the connection ends and is replaced.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.SocketReceiveFailed(_logger, Slot, e);
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The Socket Mode connection closed before hello."));
        }
    }

    private async Task CloseTooLargeAsync()
    {
        using var patience = new CancellationTokenSource(CloseTimeout);
        try
        {
            await _sendLock.WaitAsync(patience.Token);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too large", patience.Token);
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

    /// <summary>
    /// Reads one frame. Every field is read with a kind check: a frame that is not JSON, or whose fields have
    /// the wrong kind, is logged and skipped (an envelope with a readable id is still acknowledged, so Slack
    /// does not redeliver it); nothing a peer sends ends the connection.
    /// </summary>
    private void Dispatch(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            Log.SocketFrameUnreadable(_logger, Slot, Start(frame.Span));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Log.SocketFrameMalformed(_logger, Slot, $"a JSON {root.ValueKind} instead of an object");
                return;
            }

            if (JsonFields.OptionalString(root, "type") is not { } type)
            {
                Log.SocketFrameMalformed(_logger, Slot, "no type string");
                return;
            }

            switch (type)
            {
                case "hello":
                    _hello.TrySetResult();
                    return;
                case "disconnect":
                    if (JsonFields.OptionalString(root, "reason") is { } reason)
                    {
                        _disconnect.TrySetResult(reason);
                    }
                    else
                    {
                        Log.SocketFrameMalformed(_logger, Slot, "a disconnect without a reason string");
                    }

                    return;
            }

            switch (SocketEnvelope.Parse(root))
            {
                case { } envelope:
                    var work = _onEnvelope(this, envelope);
                    _inFlight[work] = true;
                    _ = work.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return;
                case null:
                    Log.SocketFrameMalformed(_logger, Slot, $"a {Truncate(type)} frame without an envelope_id string");
                    return;
            }
        }
    }

    private static string Start(ReadOnlySpan<byte> frame) =>
        Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, 200)]);

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "\u2026";
}
