using System.Net.WebSockets;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Json;
using ChatBot.Core.Telemetry;
using ChatBot.Discord.Platform;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The Discord gateway (PROTOCOLS.md §1.2), split the way Discord.Net splits it: this client runs the
/// reconnect policy and acts on what arrives; <see cref="GatewayConnection"/> keeps one WebSocket alive
/// (heartbeat, zombie detection); <see cref="GatewaySession"/> holds what outlives a connection (session id,
/// sequence, resume URL, identify pacing); <see cref="GatewayCommands"/>, <see cref="GatewayEvents"/> and
/// <see cref="GatewayPayload"/> build and read the payloads. It discovers the URL with <c>GET /gateway/bot</c>,
/// identifies with intents 0 (interactions need none), resumes after drops, op 7, op 9 true and resumable close
/// codes, identifies anew after op 9 false, 4007 and 4009, and stops for good on 4004 and 4010-4014. Each
/// INTERACTION_CREATE goes to the dispatcher once, even when a resume replays it. The token is sent, never logged.
/// </summary>
/// <remarks>
/// Nothing the gateway sends can stop it: every frame is read with kind checks
/// (<see cref="GatewayPayload"/>); one it cannot use is skipped and logged, and one it cannot even
/// read (not JSON, a Hello without a usable heartbeat_interval, a message over
/// <see cref="DiscordGatewaySettings.MaxMessageBytes"/>) closes the connection, which then resumes.
/// Gateway URLs must be wss:// (<see cref="GatewayUrlPolicy"/>). What still escapes is caught by
/// <see cref="DiscordGatewayWorker"/>, which restarts this client with backoff.
/// </remarks>
internal sealed class DiscordGatewayClient(
    GatewayShard shard,
    IIdentifyGate identifyGate,
    IDiscordRestClient rest,
    IDiscordInteractionDispatcher dispatcher,
    IOptions<DiscordOptions> options,
    DiscordGatewaySettings settings,
    DiscordGatewayHealth health,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayClient> logger)
{
    private readonly GatewaySession _session = new(settings, timeProvider, logger);
    private readonly RecentInteractionIds _seenInteractions = new();

    /// <summary>The shard this client runs.</summary>
    public GatewayShard Shard => shard;

    /// <summary>The session id of the current session, or null before READY and after op 9 false.</summary>
    public string? SessionId => _session.Id;

    /// <summary>How many times a connection got READY or RESUMED (the worker resets its backoff when this moves).</summary>
    public int SessionsOpened => _session.Opened;

    /// <summary>
    /// Connects and keeps the session alive until <paramref name="stoppingToken"/> fires or Discord
    /// refuses the bot for good (then it returns after logging why).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var discovery = await DiscoverAsync(stoppingToken);
        if (discovery is null)
        {
            return;
        }

        _session.Discovered(discovery);
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var resume = _session.CanResume;
                if (!resume)
                {
                    await _session.WaitForIdentifySlotAsync(stoppingToken);

                    // Shared with this process's other shards (and, on PostgreSQL, every process's): one Identify per
                    // bucket per interval, the bucket being shard_id % max_concurrency.
                    await identifyGate.WaitTurnAsync(shard.Bucket(discovery.MaxConcurrency), settings.IdentifyInterval, stoppingToken);
                }

                var (outcome, healthy) = await RunConnectionAsync(resume, stoppingToken);
                if (outcome == GatewayOutcome.Stop || stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                if (outcome == GatewayOutcome.Reidentify)
                {
                    _session.Forget();
                }

                failures = healthy ? 1 : failures + 1;
                var delay = settings.Reconnect.Delay(failures);
                metrics.PlatformReconnected(DiscordPlatform.PlatformName);
                Log.GatewayReconnecting(logger, delay, _session.Id is null ? "identify" : "resume");
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<GatewayBotInfo?> DiscoverAsync(CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                var discovery = await rest.GetGatewayBotAsync(stoppingToken);
                return GatewayUrlPolicy.IsAllowed(discovery.Url, options.Value.ApiBaseUrl)
                    ? discovery
                    : throw new ChatPlatformException(
                        DiscordPlatform.PlatformName,
                        "bad_gateway_url",
                        $"GET /gateway/bot answered {GatewayUrlPolicy.Describe(discovery.Url)}, which is not a wss:// gateway URL; the bot sends its token only over TLS.",
                        isPermanent: false);
            }
            catch (ChatPlatformException e) when (e.IsPermanent)
            {
                health.Stopped($"Discord refused the bot ({e.Code}: {e.Message})");
                Log.GatewayDiscoveryRefused(logger, e.Code, e.Message);
                return null;
            }
            catch (Exception e) when (e is ChatPlatformException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                var delay = settings.Reconnect.Delay(failures);
                Log.GatewayDiscoveryFailed(logger, delay, e);
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }
    }

    private async Task<(GatewayOutcome Outcome, bool Healthy)> RunConnectionAsync(bool resume, CancellationToken stoppingToken)
    {
        var url = _session.ConnectUrl(resume);
        Log.GatewayConnecting(logger, url, resume);
        await using var connection = new GatewayConnection(new ClientWebSocket(), settings, timeProvider, logger);
        using var onStop = connection.CloseOnShutdown(stoppingToken);

        var healthy = false;
        var handshaking = false;
        try
        {
            await connection.ConnectAsync(url);
            while (true)
            {
                ReadOnlyMemory<byte>? message;
                try
                {
                    message = await connection.ReceiveAsync();
                }
                catch (GatewayMessageTooLargeException e)
                {
                    Log.GatewayMessageTooLarge(logger, e.Limit);
                    await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "message too large");
                    return (GatewayOutcome.Resume, healthy);
                }

                if (message is null)
                {
                    return (Closed(connection, stoppingToken), healthy);
                }

                using var frame = GatewayPayload.TryParse(message.Value, out var unreadable);
                if (frame is null)
                {
                    // Not even JSON: what it was (and what came with it) is unknown, so start over from the last sequence.
                    Log.GatewayFrameUnreadable(logger, unreadable);
                    await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "unreadable frame");
                    return (GatewayOutcome.Resume, healthy);
                }

                if (!GatewayPayload.TryRead(frame.RootElement, out var payload, out var problem))
                {
                    Log.GatewayFrameSkipped(logger, problem);
                    continue;
                }

                var data = payload.Data;
                switch (payload.Op)
                {
                    case GatewayOpcodes.Dispatch:
                        if (payload.Sequence is { } sequence)
                        {
                            _session.Track(sequence);
                        }

                        if (HandleDispatch(payload.EventName!, data) && !healthy)
                        {
                            healthy = true;
                            _session.MarkOpened();
                            health.Opened();
                            if (handshaking)
                            {
                                handshaking = false;
                                health.HandshakeEnded();
                            }
                        }

                        break;
                    case GatewayOpcodes.Heartbeat:
                        await connection.SendAsync(GatewayCommands.Heartbeat(_session.LastSequence));
                        break;
                    case GatewayOpcodes.Reconnect:
                        Log.GatewayReconnectRequested(logger);
                        await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "reconnect requested");
                        return (GatewayOutcome.Resume, healthy);
                    case GatewayOpcodes.InvalidSession:
                        // d is documented as a boolean; anything but true is read as "not resumable".
                        var resumable = data.ValueKind == JsonValueKind.True;
                        Log.GatewayInvalidSession(logger, resumable);
                        await connection.TryCloseAsync(resumable ? GatewayCloseCodes.ClientResuming : 1000, "invalid session");
                        return (resumable ? GatewayOutcome.Resume : GatewayOutcome.Reidentify, healthy);
                    case GatewayOpcodes.Hello when connection.IsHeartbeating:
                        Log.GatewayFrameSkipped(logger, "a second Hello on one connection");
                        break;
                    case GatewayOpcodes.Hello:
                        if (!GatewayEvents.TryReadHeartbeatInterval(data, out var interval))
                        {
                            Log.GatewayHelloUnusable(logger, GatewayEvents.MinHeartbeatInterval, GatewayEvents.MaxHeartbeatInterval);
                            await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "unusable hello");
                            return (GatewayOutcome.Resume, healthy);
                        }

                        connection.StartHeartbeat(interval, () => GatewayCommands.Heartbeat(_session.LastSequence));
                        await connection.SendAsync(resume
                            ? GatewayCommands.Resume(options.Value.Token, _session.Id, _session.LastSequence)
                            : GatewayCommands.Identify(options.Value, shard));
                        handshaking = true;
                        health.HandshakeStarted();
                        break;
                    case GatewayOpcodes.HeartbeatAck:
                        connection.Acknowledge();
                        break;
                    default:
                        Log.GatewayUnknownOpcode(logger, payload.Op);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (connection.IsZombie && !stoppingToken.IsCancellationRequested)
        {
            return (GatewayOutcome.Resume, healthy);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return (GatewayOutcome.Stop, healthy);
        }
        catch (Exception e) when (e is WebSocketException or JsonException or KeyNotFoundException or InvalidOperationException or HttpRequestException)
        {
            // A drop without a close frame, or a frame we cannot read: the session is still resumable.
            Log.GatewayDropped(logger, e.Message);
            return (GatewayOutcome.Resume, healthy);
        }
        finally
        {
            // The connection is disposed after this (its heartbeat stopped, its socket let go).
            if (healthy)
            {
                health.Closed();
            }

            if (handshaking)
            {
                health.HandshakeEnded();
            }
        }
    }

    private GatewayOutcome Closed(GatewayConnection connection, CancellationToken stoppingToken)
    {
        if (stoppingToken.IsCancellationRequested)
        {
            return GatewayOutcome.Stop;
        }

        if (connection.IsZombie)
        {
            return GatewayOutcome.Resume;
        }

        var code = connection.CloseStatus;
        var outcome = GatewayCloseCodes.Classify(code);
        var description = GatewayCloseCodes.Describe(code);
        if (outcome == GatewayOutcome.Stop)
        {
            health.Stopped($"closed with {code ?? 0} ({description})");
            Log.GatewayClosedFatally(logger, code ?? 0, description);
        }
        else
        {
            Log.GatewayClosed(logger, code ?? 0, description, connection.CloseStatusDescription ?? "");
        }

        return outcome;
    }

    /// <summary>Handles one dispatch; true when it was READY or RESUMED (the connection is healthy).</summary>
    private bool HandleDispatch(string eventName, JsonElement data)
    {
        switch (eventName)
        {
            case "READY":
                if (!GatewayEvents.TryReadReady(data, out var ready))
                {
                    Log.GatewayFrameSkipped(logger, "READY without a session_id");
                    return false;
                }

                _session.Begin(ready.SessionId, ready.ResumeGatewayUrl, options.Value.ApiBaseUrl);
                Log.GatewayReady(logger, ready.User ?? "?", shard.Id, shard.Count);
                return true;
            case "RESUMED":
                Log.GatewayResumed(logger, _session.LastSequence ?? -1);
                return true;
            case "INTERACTION_CREATE":
                if (JsonFields.OptionalString(data, "id") is not { Length: > 0 } id)
                {
                    Log.GatewayFrameSkipped(logger, "INTERACTION_CREATE without an interaction id");
                    return false;
                }

                if (!_seenInteractions.TryAdd(id))
                {
                    Log.GatewayDuplicateInteraction(logger, id);
                    return false;
                }

                try
                {
                    // The frame was read just now, on this loop: the answer's budget counts from here. The command
                    // runs beside the loop, so a slow one never holds up heartbeats.
                    dispatcher.Dispatch(data, timeProvider.GetTimestamp());
                }
                catch (JsonException e)
                {
                    // A payload of the wrong shape, not a failure of ours: one line, no stack trace.
                    Log.GatewayFrameSkipped(logger, "an INTERACTION_CREATE that is not an interaction: " + e.Message);
                }

                return false;
            default:
                return false;
        }
    }
}
