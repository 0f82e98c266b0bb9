using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Telemetry;
using ChatBot.Discord.Platform;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The Discord gateway over <see cref="ClientWebSocket"/> (PROTOCOLS.md §1.2): discovers the URL
/// with <c>GET /gateway/bot</c>, identifies with intents 0 (interactions need none), heartbeats on
/// the injected clock, detects zombie connections, resumes after drops, op 7, op 9 true and
/// resumable close codes, identifies anew after op 9 false, 4007 and 4009, and stops for good on
/// 4004 and 4010-4014. Each INTERACTION_CREATE goes to the dispatcher once, even when a resume
/// replays it. The token is sent, never logged.
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
    IDiscordRestClient rest,
    IDiscordInteractionDispatcher dispatcher,
    IOptions<DiscordOptions> options,
    DiscordGatewaySettings settings,
    DiscordGatewayHealth health,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayClient> logger)
{
    private const string QueryString = "v=10&encoding=json";

    /// <summary>Discord sends 41250 ms; a heartbeat_interval outside this range is not one to heartbeat on.</summary>
    internal static readonly TimeSpan MinHeartbeatInterval = TimeSpan.FromMilliseconds(100);

    internal static readonly TimeSpan MaxHeartbeatInterval = TimeSpan.FromMinutes(10);

    private readonly RecentInteractionIds _seenInteractions = new();
    private Uri? _gatewayUrl;
    private Uri? _resumeUrl;
    private string? _sessionId;
    private long _sequence = -1;
    private long? _lastIdentify;
    private int _sessionsOpened;

    /// <summary>The session id of the current session, or null before READY and after op 9 false.</summary>
    public string? SessionId => _sessionId;

    /// <summary>How many times a connection got READY or RESUMED (the worker resets its backoff when this moves).</summary>
    public int SessionsOpened => Volatile.Read(ref _sessionsOpened);

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

        _gatewayUrl = discovery.Url;
        var attempt = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var resume = _sessionId is not null && _resumeUrl is not null;
                if (!resume)
                {
                    await WaitForIdentifySlotAsync(discovery, stoppingToken);
                }

                var (outcome, healthy) = await RunConnectionAsync(resume, stoppingToken);
                if (outcome == GatewayOutcome.Stop || stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                if (outcome == GatewayOutcome.Reidentify)
                {
                    ForgetSession();
                }

                attempt = healthy ? 0 : attempt;
                var delay = settings.Backoff(attempt++);
                metrics.PlatformReconnected(DiscordPlatform.PlatformName);
                Log.GatewayReconnecting(logger, delay, _sessionId is null ? "identify" : "resume");
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
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var discovery = await rest.GetGatewayBotAsync(stoppingToken);
                return GatewayUrlPolicy.IsAllowed(discovery.Url, options.Value.ApiBaseUrl)
                    ? discovery
                    : throw new ChatPlatformException(
                        "discord",
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
                var delay = settings.Backoff(attempt);
                Log.GatewayDiscoveryFailed(logger, delay, e);
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }
    }

    private async Task WaitForIdentifySlotAsync(GatewayBotInfo discovery, CancellationToken stoppingToken)
    {
        if (_lastIdentify is null && discovery.SessionStartRemaining <= 0)
        {
            // 1000 identifies per day; going over resets the token. Wait for the window to reopen.
            Log.GatewaySessionStartsExhausted(logger, discovery.SessionStartResetAfter);
            await Task.Delay(discovery.SessionStartResetAfter, timeProvider, stoppingToken);
        }

        if (_lastIdentify is { } last)
        {
            var wait = settings.IdentifyInterval - timeProvider.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                Log.GatewayIdentifyWaiting(logger, wait);
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
        }

        _lastIdentify = timeProvider.GetTimestamp();
    }

    private async Task<(GatewayOutcome Outcome, bool Healthy)> RunConnectionAsync(bool resume, CancellationToken stoppingToken)
    {
        var url = WithQuery(resume ? _resumeUrl! : _gatewayUrl!);
        Log.GatewayConnecting(logger, url, resume);
        using var connectionCancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var connection = new GatewayConnection(new ClientWebSocket(), settings.MaxMessageBytes);
        var socketCancellation = connectionCancellation.Token;
        using var onStop = stoppingToken.Register(() =>
        {
            // A graceful 1000 ends the session on Discord's side: right at shutdown.
            _ = connection.TryCloseAsync(1000, "shutting down", settings.CloseTimeout);
            connectionCancellation.CancelAfter(settings.CloseTimeout);
        });

        Task? heartbeat = null;
        var healthy = false;
        var handshaking = false;
        try
        {
            await connection.ConnectAsync(url, socketCancellation);
            while (true)
            {
                ReadOnlyMemory<byte>? message;
                try
                {
                    message = await connection.ReceiveAsync(socketCancellation);
                }
                catch (GatewayMessageTooLargeException e)
                {
                    Log.GatewayMessageTooLarge(logger, e.Limit);
                    await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "message too large", settings.CloseTimeout);
                    return (GatewayOutcome.Resume, healthy);
                }

                if (message is null)
                {
                    return (Closed(connection, stoppingToken), healthy);
                }

                using var frame = TryParse(message.Value, out var unreadable);
                if (frame is null)
                {
                    // Not even JSON: what it was (and what came with it) is unknown, so start over from the last sequence.
                    Log.GatewayFrameUnreadable(logger, unreadable);
                    await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "unreadable frame", settings.CloseTimeout);
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
                    case GatewayPayload.Dispatch:
                        if (payload.Sequence is { } sequence)
                        {
                            Interlocked.Exchange(ref _sequence, sequence);
                        }

                        if (HandleDispatch(payload.EventName!, data) && !healthy)
                        {
                            healthy = true;
                            Interlocked.Increment(ref _sessionsOpened);
                            health.Opened();
                            if (handshaking)
                            {
                                handshaking = false;
                                health.HandshakeEnded();
                            }
                        }

                        break;
                    case 1:
                        await connection.SendAsync(Heartbeat(), socketCancellation);
                        break;
                    case 7:
                        Log.GatewayReconnectRequested(logger);
                        await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "reconnect requested", settings.CloseTimeout);
                        return (GatewayOutcome.Resume, healthy);
                    case 9:
                        // d is documented as a boolean; anything but true is read as "not resumable".
                        var resumable = data.ValueKind == JsonValueKind.True;
                        Log.GatewayInvalidSession(logger, resumable);
                        await connection.TryCloseAsync(resumable ? GatewayCloseCodes.ClientResuming : 1000, "invalid session", settings.CloseTimeout);
                        return (resumable ? GatewayOutcome.Resume : GatewayOutcome.Reidentify, healthy);
                    case 10 when heartbeat is not null:
                        Log.GatewayFrameSkipped(logger, "a second Hello on one connection");
                        break;
                    case 10:
                        if (!TryReadHeartbeatInterval(data, out var interval))
                        {
                            Log.GatewayHelloUnusable(logger, MinHeartbeatInterval, MaxHeartbeatInterval);
                            await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "unusable hello", settings.CloseTimeout);
                            return (GatewayOutcome.Resume, healthy);
                        }

                        heartbeat = HeartbeatAsync(connection, interval, connectionCancellation);
                        await connection.SendAsync(resume ? Resume() : Identify(), socketCancellation);
                        handshaking = true;
                        health.HandshakeStarted();
                        break;
                    case 11:
                        connection.Acknowledged = true;
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
            if (healthy)
            {
                health.Closed();
            }

            if (handshaking)
            {
                health.HandshakeEnded();
            }

            await connectionCancellation.CancelAsync();
            if (heartbeat is not null)
            {
                await heartbeat;
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
                if (data.ValueKind != JsonValueKind.Object || Text(data, "session_id") is not { Length: > 0 } sessionId)
                {
                    Log.GatewayFrameSkipped(logger, "READY without a session_id");
                    return false;
                }

                _sessionId = sessionId;
                var resumeText = Text(data, "resume_gateway_url");
                if (GatewayUrlPolicy.TryRead(resumeText, options.Value.ApiBaseUrl, out var resumeUrl))
                {
                    _resumeUrl = resumeUrl;
                }
                else
                {
                    // https://discord.com/developers/docs/events/gateway#resuming: the gateway URL works too, with more disconnects.
                    _resumeUrl = _gatewayUrl;
                    if (resumeText is not null)
                    {
                        Log.GatewayResumeUrlIgnored(logger, Uri.TryCreate(resumeText, UriKind.Absolute, out var given) ? GatewayUrlPolicy.Describe(given) : "not a URL");
                    }
                }

                var user = data.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? Text(u, "username") : null;
                Log.GatewayReady(logger, user ?? "?", options.Value.ShardId, options.Value.ShardCount);
                return true;
            case "RESUMED":
                var resumedAt = Interlocked.Read(ref _sequence);
                Log.GatewayResumed(logger, resumedAt);
                return true;
            case "INTERACTION_CREATE":
                if (data.ValueKind != JsonValueKind.Object || Text(data, "id") is not { Length: > 0 } id)
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

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> message, out string problem)
    {
        try
        {
            problem = "";
            return JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Hello's heartbeat_interval (https://discord.com/developers/docs/events/gateway#hello-event), when it is a number of milliseconds in range.</summary>
    private static bool TryReadHeartbeatInterval(JsonElement data, out TimeSpan interval)
    {
        interval = default;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("heartbeat_interval", out var value)
            || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDouble(out var milliseconds)
            || !double.IsFinite(milliseconds)
            || milliseconds < MinHeartbeatInterval.TotalMilliseconds
            || milliseconds > MaxHeartbeatInterval.TotalMilliseconds)
        {
            return false;
        }

        interval = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    private async Task HeartbeatAsync(GatewayConnection connection, TimeSpan interval, CancellationTokenSource connectionCancellation)
    {
        var cancellationToken = connectionCancellation.Token;
        try
        {
            await Task.Delay(interval * settings.Jitter(), timeProvider, cancellationToken);
            while (true)
            {
                if (!connection.Acknowledged)
                {
                    Log.GatewayZombie(logger, interval);
                    connection.IsZombie = true;
                    await connection.TryCloseAsync(GatewayCloseCodes.ClientResuming, "no heartbeat ack", settings.CloseTimeout);
                    await connectionCancellation.CancelAsync();
                    return;
                }

                connection.Acknowledged = false;
                await connection.SendAsync(Heartbeat(), cancellationToken);
                await Task.Delay(interval, timeProvider, cancellationToken);
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

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }

    private JsonObject Heartbeat()
    {
        var sequence = Interlocked.Read(ref _sequence);
        return new JsonObject { ["op"] = 1, ["d"] = sequence < 0 ? null : JsonValue.Create(sequence) };
    }

    private JsonObject Identify()
    {
        var discord = options.Value;
        return new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = discord.Token,
                ["intents"] = 0,
                ["properties"] = new JsonObject
                {
                    ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(),
                    ["browser"] = "ChatBot",
                    ["device"] = "ChatBot",
                },
                ["shard"] = new JsonArray(discord.ShardId, discord.ShardCount),
            },
        };
    }

    private JsonObject Resume() => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject
        {
            ["token"] = options.Value.Token,
            ["session_id"] = _sessionId,
            ["seq"] = Interlocked.Read(ref _sequence) is var seq and >= 0 ? JsonValue.Create(seq) : null,
        },
    };

    private static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = QueryString };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}
