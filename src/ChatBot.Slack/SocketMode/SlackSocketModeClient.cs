using System.Net.WebSockets;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Cluster;
using ChatBot.Core.Json;
using ChatBot.Core.Telemetry;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Platform;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Socket Mode: keeps <see cref="SlackOptions.SocketConnections"/> WebSockets open (each from a fresh
/// <c>apps.connections.open</c> URL) and acknowledges every envelope on the connection it came on.
/// A <c>warning</c> or <c>refresh_requested</c> disconnect opens the replacement first and closes the old
/// connection only once the new one said hello, so nothing sent meanwhile is lost; a drop reconnects
/// with backoff; <c>link_disabled</c> (Socket Mode turned off for the app) or a refused token stops every
/// connection for good. Deliveries seen on two connections, or retried, run once.
/// </summary>
internal sealed class SlackSocketModeClient(
    SlackApiClient api,
    SlackCommandAdapter adapter,
    SlackEnvelopeDeduplicator deduplicator,
    SlackSocketModeHealth health,
    SlackSocketModeSettings settings,
    IOptions<SlackOptions> options,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeClient> logger,
    IEventClaims? claims = null)
{
    public const string Platform = "slack";

    public const string LinkDisabled = "link_disabled";

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Why the client stopped on its own (<c>link_disabled</c>, a refused token), or null while it runs or when cancelled.</summary>
    public string? StoppedBecause { get; private set; }

    /// <summary>
    /// Runs every connection until <paramref name="cancellationToken"/> fires or Slack ends Socket Mode
    /// (<see cref="StoppedBecause"/> then says why). No input from Slack ends it otherwise.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connections = options.Value.SocketConnections;
        Log.SocketModeStarting(logger, connections);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(slot => SuperviseSlotAsync(slot, stop)));
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Keeps one connection slot alive: whatever fails unexpectedly is logged and the slot reopens (a fresh
    /// <c>apps.connections.open</c> URL each time) after a backoff that grows while failures follow each other.
    /// </summary>
    private async Task SuperviseSlotAsync(int slot, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan delay;
            var started = timeProvider.GetTimestamp();
            try
            {
                await RunSlotAsync(slot, stop);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Supervision: any failure of one connection is logged and the connection reopened.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // A slot that ran longer than the longest wait failed anew, not again.
                failures = timeProvider.GetElapsedTime(started) > settings.MaxBackoff ? 1 : failures + 1;
                delay = settings.Reconnect.Delay(failures);
                Log.SocketSlotFailed(logger, slot, delay, e);
                metrics.PlatformReconnected(SlackPlatform.PlatformName);
            }

            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RunSlotAsync(int slot, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        SlackSocketConnection? current = null;
        try
        {
            current = await ConnectWithBackoffAsync(slot, stop);
            while (current is not null)
            {
                await Task.WhenAny(current.Disconnect, current.Receiving).WaitAsync(cancellationToken);
                if (current.Disconnect.IsCompletedSuccessfully)
                {
                    var reason = await current.Disconnect;
                    if (reason == LinkDisabled)
                    {
                        health.Stopped("Socket Mode is turned off for the app (link_disabled)");
                        StoppedBecause = LinkDisabled;
                        Log.LinkDisabled(logger, slot);
                        await stop.CancelAsync();
                        return;
                    }

                    // warning, refresh_requested (or anything new): replace first, then close the old one.
                    Log.SocketRefreshing(logger, slot, reason);
                    metrics.PlatformReconnected(SlackPlatform.PlatformName);
                    var next = await ConnectWithBackoffAsync(slot, stop);
                    var old = current;
                    current = next;
                    try
                    {
                        await old.CloseAsync();
                    }
                    finally
                    {
                        await ReleaseAsync(old);
                    }

                    continue;
                }

                Log.SocketReconnecting(logger, slot);
                metrics.PlatformReconnected(SlackPlatform.PlatformName);
                var dropped = current;
                current = null;
                await ReleaseAsync(dropped);
                await Task.Delay(settings.Reconnect.Delay(1), timeProvider, cancellationToken);
                current = await ConnectWithBackoffAsync(slot, stop);
            }
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync();
                await ReleaseAsync(current);
            }
        }
    }

    private ValueTask ReleaseAsync(SlackSocketConnection connection)
    {
        health.Closed();
        return connection.DisposeAsync();
    }

    /// <summary>A connection that said hello, or null when Slack refused for good (the whole client then stops).</summary>
    private async Task<SlackSocketConnection?> ConnectWithBackoffAsync(int slot, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        for (var attempt = 1; ; attempt++)
        {
            SlackSocketConnection? connection = null;
            try
            {
                var url = await api.OpenSocketConnectionAsync(cancellationToken);
                connection = await SlackSocketConnection.ConnectAsync(slot, url, HandleEnvelopeAsync, logger, cancellationToken);
                await connection.Hello.WaitAsync(HelloTimeout, timeProvider, cancellationToken);
                Log.SocketConnected(logger, slot, attempt);
                health.Opened();
                return connection;
            }
            catch (ChatPlatformException e) when (e.IsPermanent)
            {
                health.Stopped($"Slack refused the app token ({e.Code})");
                StoppedBecause = e.Code;
                Log.SocketModeRefused(logger, e.Code);
                await stop.CancelAsync();
                await DisposeQuietlyAsync(connection);
                return null;
            }
            catch (Exception e) when (e is ChatPlatformException or HttpRequestException or WebSocketException or TimeoutException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await DisposeQuietlyAsync(connection);
                var delay = settings.Reconnect.Delay(attempt);
                Log.SocketConnectFailed(logger, slot, attempt, delay, e.Message);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch
            {
                await DisposeQuietlyAsync(connection);
                throw;
            }
        }
    }

    /// <summary>
    /// Runs an envelope and acknowledges it on the connection it came on, exactly once. Never throws: a
    /// failure is logged and the envelope is still acknowledged (without a reply), so Slack does not redeliver it.
    /// Called on the connection's receive loop as the frame is read; the command itself runs beside it.
    /// </summary>
    private async Task HandleEnvelopeAsync(SlackSocketConnection connection, SocketEnvelope envelope)
    {
        // The answer's budget counts from now, when the frame was read.
        var receivedAt = timeProvider.GetTimestamp();
        var acknowledged = false;
        async Task AckAsync(ResponseUrlMessage? payload = null)
        {
            acknowledged = true;
            await connection.SendAsync(new Acknowledgement(envelope.EnvelopeId, payload), CancellationToken.None);
        }

        try
        {
            if (!deduplicator.TryBegin(envelope) || !await ClaimAsync(envelope))
            {
                Log.EnvelopeDuplicate(logger, envelope.EnvelopeId, envelope.Type, envelope.RetryAttempt);
                await AckAsync();
                return;
            }

            Log.EnvelopeReceived(logger, envelope.EnvelopeId, envelope.Type, connection.Slot);
            if (!envelope.HasObjectPayload && envelope.Type is SocketEnvelope.SlashCommands or SocketEnvelope.Interactive)
            {
                Log.EnvelopePayloadMalformed(logger, envelope.EnvelopeId, envelope.Type);
                await AckAsync();
                return;
            }

            switch (envelope.Type)
            {
                case SocketEnvelope.SlashCommands:
                    var message = await adapter.AnswerSlashCommandAsync(SlashCommand.FromJson(envelope.Payload), receivedAt);
                    var payload = message is not null && envelope.AcceptsResponsePayload ? ResponseUrlMessage.From(message) : null;
                    if (message is not null && payload is null)
                    {
                        Log.ReplyNotAccepted(logger, envelope.EnvelopeId);
                    }

                    await AckAsync(payload);
                    break;
                case SocketEnvelope.Interactive:
                    await AckAsync();
                    if (JsonFields.OptionalString(envelope.Payload, "type") == BlockActionRequest.PayloadType)
                    {
                        await adapter.AnswerBlockActionsAsync(BlockActionRequest.Parse(envelope.Payload), receivedAt);
                    }

                    break;
                default:
                    await AckAsync();
                    break;
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException
            || (e is InvalidOperationException && acknowledged))
        {
            Log.AckFailed(logger, envelope.EnvelopeId, connection.Slot, e.Message);
        }
#pragma warning disable CA1031 // One envelope that fails must not fault its connection; it is still acknowledged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.EnvelopeFailed(logger, envelope.EnvelopeId, envelope.Type, e);
            if (!acknowledged)
            {
                await AckQuietlyAsync(connection, envelope);
            }
        }
    }

    /// <summary>
    /// Across processes (Slack may hand a retry to another process's connection): the first to claim the envelope's
    /// keys runs it. A claim that cannot be made (the database is down) runs it anyway: a possible second answer is
    /// better than none.
    /// </summary>
    private async Task<bool> ClaimAsync(SocketEnvelope envelope)
    {
        if (claims is null)
        {
            return true;
        }

        try
        {
            return await claims.TryClaimAsync(Platform, new[] { "envelope:" + envelope.EnvelopeId, envelope.PayloadKey }.OfType<string>().ToList());
        }
#pragma warning disable CA1031 // Unclaimed is run: see above.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.EnvelopeClaimFailed(logger, envelope.EnvelopeId, e.Message);
            return true;
        }
    }

    private async Task AckQuietlyAsync(SlackSocketConnection connection, SocketEnvelope envelope)
    {
        try
        {
            await connection.SendAsync(new Acknowledgement(envelope.EnvelopeId), CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            Log.AckFailed(logger, envelope.EnvelopeId, connection.Slot, e.Message);
        }
    }

    private static async Task DisposeQuietlyAsync(SlackSocketConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
