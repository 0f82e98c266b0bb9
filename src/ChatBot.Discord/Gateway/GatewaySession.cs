using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The gateway session as it outlives each connection (https://discord.com/developers/docs/events/gateway#resuming):
/// the session id and resume URL from READY, the last sequence number received, the gateway URL from
/// <c>GET /gateway/bot</c>, and the pacing of Identify (one per <see cref="DiscordGatewaySettings.IdentifyInterval"/>,
/// none while the day's session starts are used up). The sequence is read by the heartbeat beside the receive loop;
/// everything else is used from the receive loop only.
/// </summary>
internal sealed class GatewaySession(DiscordGatewaySettings settings, TimeProvider timeProvider, ILogger logger)
{
    private const string QueryString = "v=10&encoding=json";

    private GatewayBotInfo? _discovery;
    private Uri? _resumeUrl;
    private string? _id;
    private long _sequence = -1;
    private long? _lastIdentify;
    private int _opened;

    /// <summary>The session id, or null before READY and after <see cref="Forget"/>.</summary>
    public string? Id => _id;

    /// <summary>The last sequence number received, or null before the first (and after <see cref="Forget"/>).</summary>
    public long? LastSequence => Interlocked.Read(ref _sequence) is var sequence and >= 0 ? sequence : null;

    /// <summary>True when the next connection can resume rather than identify.</summary>
    public bool CanResume => _id is not null && _resumeUrl is not null;

    /// <summary>How many connections got READY or RESUMED.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Takes the gateway URL and the session start limits from <c>GET /gateway/bot</c>.</summary>
    public void Discovered(GatewayBotInfo discovery) => _discovery = discovery;

    /// <summary>The URL the next connection opens, with the query Discord expects: the resume URL to resume, else the gateway URL.</summary>
    public Uri ConnectUrl(bool resume)
    {
        var url = resume ? _resumeUrl : _discovery?.Url;
        var builder = new UriBuilder(url ?? throw new InvalidOperationException("No gateway URL yet: discover it first.")) { Query = QueryString };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    /// <summary>Records the sequence number of a dispatch.</summary>
    public void Track(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    /// <summary>READY: the session to resume later, at <paramref name="resumeGatewayUrl"/> when it is a URL the client may use.</summary>
    public void Begin(string sessionId, string? resumeGatewayUrl, Uri apiBaseUrl)
    {
        _id = sessionId;
        if (GatewayUrlPolicy.TryRead(resumeGatewayUrl, apiBaseUrl, out var resumeUrl))
        {
            _resumeUrl = resumeUrl;
            return;
        }

        // https://discord.com/developers/docs/events/gateway#resuming: the gateway URL works too, with more disconnects.
        _resumeUrl = _discovery?.Url;
        if (resumeGatewayUrl is not null)
        {
            Log.GatewayResumeUrlIgnored(logger, Uri.TryCreate(resumeGatewayUrl, UriKind.Absolute, out var given) ? GatewayUrlPolicy.Describe(given) : "not a URL");
        }
    }

    /// <summary>A connection got READY or RESUMED.</summary>
    public void MarkOpened() => Interlocked.Increment(ref _opened);

    /// <summary>The session cannot be resumed (op 9 false, 4007, 4009): the next connection identifies anew.</summary>
    public void Forget()
    {
        _id = null;
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }

    /// <summary>
    /// Waits until an Identify may be sent, then counts it: the day's session starts must not be used up (going over
    /// resets the token), and Identifies are at least <see cref="DiscordGatewaySettings.IdentifyInterval"/> apart.
    /// </summary>
    public async Task WaitForIdentifySlotAsync(CancellationToken cancellationToken)
    {
        if (_lastIdentify is null && _discovery is { SessionStartRemaining: <= 0 } exhausted)
        {
            // 1000 identifies per day; going over resets the token. Wait for the window to reopen.
            Log.GatewaySessionStartsExhausted(logger, exhausted.SessionStartResetAfter);
            await Task.Delay(exhausted.SessionStartResetAfter, timeProvider, cancellationToken);
        }

        if (_lastIdentify is { } last)
        {
            var wait = settings.IdentifyInterval - timeProvider.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                Log.GatewayIdentifyWaiting(logger, wait);
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }

        _lastIdentify = timeProvider.GetTimestamp();
    }
}
