using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ChatBot.Testing;

/// <summary>
/// One WebSocket accepted by <see cref="FakeSlackSocketServer"/>: the test sends Slack frames (hello,
/// envelopes, disconnects) and reads what the client sent back (acknowledgements), in order. Every frame the
/// client sends is checked against what Slack documents (https://api.slack.com/apis/connections/socket-implement,
/// "Acknowledge events"): it is a JSON object echoing the <c>envelope_id</c> of an envelope sent on this
/// connection and not yet acknowledged, and it carries a <c>payload</c> only when the envelope said
/// <c>accepts_response_payload</c>; anything else is reported to the server's <c>ProtocolViolations</c>.
/// </summary>
public sealed class FakeSlackSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Action<string> _record;
    private readonly Action<string> _violation;
    private readonly Dictionary<string, (int Unacknowledged, bool AcceptsPayload)> _envelopes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private readonly Channel<string> _arrivals = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeSlackSocket(int index, WebSocket socket, Action<string> record, Action<string> violation)
    {
        Index = index;
        _socket = socket;
        _record = record;
        _violation = violation;
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

    /// <summary>Sends one text message as is (any text: tests send malformed frames too).</summary>
    public async Task SendAsync(string json)
    {
        ExpectAcknowledgement(json);
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

                    CheckAcknowledgement(text);

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

    /// <summary>Remembers an envelope (a frame with a string <c>type</c> and <c>envelope_id</c>) that the client must acknowledge once.</summary>
    private void ExpectAcknowledgement(string frame)
    {
        using var document = TryParse(frame);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } envelopeId)
        {
            return;
        }

        var accepts = root.TryGetProperty("accepts_response_payload", out var flag) && flag.ValueKind == JsonValueKind.True;
        lock (_gate)
        {
            var (unacknowledged, _) = _envelopes.GetValueOrDefault(envelopeId);
            _envelopes[envelopeId] = (unacknowledged + 1, accepts);
        }
    }

    private void CheckAcknowledgement(string frame)
    {
        using var document = TryParse(frame);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            _violation($"connection {Index}: the client sent a frame that is not an acknowledgement: {Start(frame)}");
            return;
        }

        var envelopeId = id.GetString()!;
        bool known, accepts;
        lock (_gate)
        {
            known = _envelopes.TryGetValue(envelopeId, out var envelope) && envelope.Unacknowledged > 0;
            accepts = envelope.AcceptsPayload;
            if (known)
            {
                _envelopes[envelopeId] = (envelope.Unacknowledged - 1, accepts);
            }
        }

        if (!known)
        {
            _violation($"connection {Index}: acknowledgement of envelope '{envelopeId}', which was not sent on this connection or was already acknowledged");
        }
        else if (root.TryGetProperty("payload", out _) && !accepts)
        {
            _violation($"connection {Index}: acknowledgement of envelope '{envelopeId}' carries a payload, but the envelope does not accept one");
        }
        else if (root.TryGetProperty("payload", out var payload))
        {
            foreach (var violation in SlackMessageRules.Check($"connection {Index}: ack payload of '{envelopeId}'", payload, requireText: true))
            {
                _violation(violation);
            }
        }
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Start(string text) => text.Length <= 200 ? text : text[..200] + "\u2026";

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort() => _socket.Abort();
}
