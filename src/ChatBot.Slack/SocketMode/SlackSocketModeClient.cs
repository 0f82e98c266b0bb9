using System.Net.WebSockets;
using ChatBot.Core.Chat;
using ChatBot.Core.Telemetry;
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
    SlackCommandDispatcher dispatcher,
    SlackEnvelopeDeduplicator deduplicator,
    SlackSocketModeHealth health,
    IOptions<SlackOptions> options,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeClient> logger)
{
    public const string LinkDisabled = "link_disabled";

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Why the client stopped on its own (<c>link_disabled</c>, a refused token), or null while it runs or when cancelled.</summary>
    public string? StoppedBecause { get; private set; }

    /// <summary>Runs every connection until <paramref name="cancellationToken"/> fires or Slack ends Socket Mode.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connections = options.Value.SocketConnections;
        Log.SocketModeStarting(logger, connections);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(slot => RunSlotAsync(slot, stop)));
        cancellationToken.ThrowIfCancellationRequested();
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
                        StoppedBecause = LinkDisabled;
                        health.Stopped("Socket Mode is turned off for the app (link_disabled)");
                        Log.LinkDisabled(logger, slot);
                        await stop.CancelAsync();
                        return;
                    }

                    // warning, refresh_requested (or anything new): replace first, then close the old one.
                    Log.SocketRefreshing(logger, slot, reason);
                    metrics.PlatformReconnected(SlackErrors.Platform);
                    var next = await ConnectWithBackoffAsync(slot, stop);
                    await current.CloseAsync();
                    await ReleaseAsync(current);
                    current = next;
                    continue;
                }

                Log.SocketReconnecting(logger, slot);
                metrics.PlatformReconnected(SlackErrors.Platform);
                await ReleaseAsync(current);
                current = null;
                await Task.Delay(FirstBackoff, timeProvider, cancellationToken);
                current = await ConnectWithBackoffAsync(slot, stop);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
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
        var backoff = FirstBackoff;
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
                StoppedBecause = e.Code;
                health.Stopped($"Slack refused the app token ({e.Code})");
                Log.SocketModeRefused(logger, e.Code);
                await stop.CancelAsync();
                await DisposeQuietlyAsync(connection);
                return null;
            }
            catch (Exception e) when (e is ChatPlatformException or HttpRequestException or WebSocketException or TimeoutException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await DisposeQuietlyAsync(connection);
                Log.SocketConnectFailed(logger, slot, attempt, backoff, e.Message);
                await Task.Delay(backoff, timeProvider, cancellationToken);
                backoff = backoff * 2 > LongestBackoff ? LongestBackoff : backoff * 2;
            }
            catch
            {
                await DisposeQuietlyAsync(connection);
                throw;
            }
        }
    }

    private async Task HandleEnvelopeAsync(SlackSocketConnection connection, SocketEnvelope envelope)
    {
        try
        {
            if (!deduplicator.TryBegin(envelope))
            {
                Log.EnvelopeDuplicate(logger, envelope.EnvelopeId, envelope.Type, envelope.RetryAttempt);
                await connection.SendAsync(new Acknowledgement(envelope.EnvelopeId), CancellationToken.None);
                return;
            }

            Log.EnvelopeReceived(logger, envelope.EnvelopeId, envelope.Type, connection.Slot);
            switch (envelope.Type)
            {
                case SocketEnvelope.SlashCommands:
                    var message = await dispatcher.AnswerSlashCommandAsync(SlashCommand.FromJson(envelope.Payload), CancellationToken.None);
                    var payload = message is not null && envelope.AcceptsResponsePayload ? ResponseUrlMessage.From(message) : null;
                    if (message is not null && payload is null)
                    {
                        Log.ReplyNotAccepted(logger, envelope.EnvelopeId);
                    }

                    await connection.SendAsync(new Acknowledgement(envelope.EnvelopeId, payload), CancellationToken.None);
                    break;
                case SocketEnvelope.Interactive:
                    await connection.SendAsync(new Acknowledgement(envelope.EnvelopeId), CancellationToken.None);
                    if (envelope.Payload.TryGetProperty("type", out var type) && type.GetString() == BlockActionRequest.PayloadType)
                    {
                        dispatcher.StartBlockActions(BlockActionRequest.Parse(envelope.Payload));
                    }

                    break;
                default:
                    await connection.SendAsync(new Acknowledgement(envelope.EnvelopeId), CancellationToken.None);
                    break;
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
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
