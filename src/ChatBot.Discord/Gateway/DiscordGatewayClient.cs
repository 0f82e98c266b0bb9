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

    private readonly RecentInteractionIds _seenInteractions = new();
    private readonly Lock _dispatchGate = new();
    private readonly HashSet<Task> _dispatches = [];
    private Uri? _gatewayUrl;
    private Uri? _resumeUrl;
    private string? _sessionId;
    private long _sequence = -1;
    private long? _lastIdentify;

    /// <summary>The session id of the current session, or null before READY and after op 9 false.</summary>
    public string? SessionId => _sessionId;

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
                var delay = Backoff(attempt++);
                metrics.PlatformReconnected(DiscordPlatform.PlatformName);
                Log.GatewayReconnecting(logger, delay, _sessionId is null ? "identify" : "resume");
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await DrainDispatchesAsync();
        }
    }

    private async Task<GatewayBotInfo?> DiscoverAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await rest.GetGatewayBotAsync(stoppingToken);
            }
            catch (ChatPlatformException e) when (e.IsPermanent)
            {
                health.Stopped($"Discord refused the bot ({e.Code}: {e.Message})");
                Log.GatewayDiscoveryRefused(logger, e.Code, e.Message);
                return null;
            }
            catch (Exception e) when (e is ChatPlatformException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff(attempt);
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
        try
        {
            await connection.ConnectAsync(url, socketCancellation);
            while (true)
            {
                var message = await connection.ReceiveAsync(socketCancellation);
                if (message is null)
                {
                    return (Closed(connection, stoppingToken), healthy);
                }

                using var frame = JsonDocument.Parse(message.Value);
                var root = frame.RootElement;
                var op = root.GetProperty("op").GetInt32();
                var data = root.TryGetProperty("d", out var d) ? d : default;
                switch (op)
                {
                    case 0:
                        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
                        {
                            Interlocked.Exchange(ref _sequence, s.GetInt64());
                        }

                        var eventName = root.GetProperty("t").GetString();
                        if (HandleDispatch(eventName, data, stoppingToken) && !healthy)
                        {
                            healthy = true;
                            health.Opened();
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
                        var resumable = data.ValueKind == JsonValueKind.True;
                        Log.GatewayInvalidSession(logger, resumable);
                        await connection.TryCloseAsync(resumable ? GatewayCloseCodes.ClientResuming : 1000, "invalid session", settings.CloseTimeout);
                        return (resumable ? GatewayOutcome.Resume : GatewayOutcome.Reidentify, healthy);
                    case 10:
                        var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
                        heartbeat = HeartbeatAsync(connection, interval, connectionCancellation);
                        await connection.SendAsync(resume ? Resume() : Identify(), socketCancellation);
                        break;
                    case 11:
                        connection.Acknowledged = true;
                        break;
                    default:
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
    private bool HandleDispatch(string? eventName, JsonElement data, CancellationToken stoppingToken)
    {
        switch (eventName)
        {
            case "READY":
                _sessionId = data.GetProperty("session_id").GetString();
                _resumeUrl = data.TryGetProperty("resume_gateway_url", out var resumeUrl) && resumeUrl.GetString() is { Length: > 0 } text
                    ? new Uri(text)
                    : _gatewayUrl;
                var user = data.TryGetProperty("user", out var u) && u.TryGetProperty("username", out var name) ? name.GetString() : null;
                Log.GatewayReady(logger, user ?? "?", options.Value.ShardId, options.Value.ShardCount);
                return true;
            case "RESUMED":
                var resumedAt = Interlocked.Read(ref _sequence);
                Log.GatewayResumed(logger, resumedAt);
                return true;
            case "INTERACTION_CREATE":
                var id = data.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
                if (id is null || !_seenInteractions.TryAdd(id))
                {
                    Log.GatewayDuplicateInteraction(logger, id ?? "(none)");
                    return false;
                }

                StartDispatch(data.Clone(), stoppingToken);
                return false;
            default:
                return false;
        }
    }

    /// <summary>Commands run beside the receive loop, so a slow one never holds up heartbeats.</summary>
    private void StartDispatch(JsonElement interaction, CancellationToken stoppingToken)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await dispatcher.DispatchAsync(interaction, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down.
            }
#pragma warning disable CA1031 // One failed interaction must not take the gateway down; it is logged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.GatewayDispatchFailed(logger, e);
            }
        }, CancellationToken.None);
        lock (_dispatchGate)
        {
            _dispatches.Add(task);
        }

        _ = task.ContinueWith(
            done =>
            {
                lock (_dispatchGate)
                {
                    _dispatches.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task DrainDispatchesAsync()
    {
        Task[] running;
        lock (_dispatchGate)
        {
            running = [.. _dispatches];
        }

        await Task.WhenAll(running);
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

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = settings.InitialBackoff * Math.Pow(2, Math.Min(attempt, 16));
        if (ceiling > settings.MaxBackoff)
        {
            ceiling = settings.MaxBackoff;
        }

        // Between half and all of the ceiling, so many clients do not reconnect in step.
        return ceiling * (0.5 + (settings.Jitter() / 2));
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
