using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Rest;

/// <summary>
/// Discord's rate limits (PROTOCOLS.md §1.7), learned from responses rather than hard-coded:
/// <list type="bullet">
/// <item>Per bucket: a route's <c>X-RateLimit-Bucket</c> plus its major parameter. Requests on one
/// bucket are sent one at a time; when a response said <c>Remaining: 0</c>, the next one waits until
/// <c>Reset-After</c> has elapsed.</item>
/// <item>Global: at most 50 requests in any second (interaction endpoints exempt), and a global 429
/// pauses every request for its <c>retry_after</c>.</item>
/// </list>
/// Waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider timeProvider, ILogger<DiscordRateLimiter> logger)
{
    public const int GlobalRequestsPerSecond = 50;

    private const int PruneThreshold = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalSlots = new();
    private DateTimeOffset _globalPausedUntil;
    private int _pruneAt = PruneThreshold;

    /// <summary>Waits until <paramref name="route"/> may send, then holds its bucket until the lease is disposed.</summary>
    public async Task<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        while (true)
        {
            string key;
            RateLimitBucket bucket;
            lock (_gate)
            {
                key = BucketKey(route);
                bucket = GetOrAddBucket(key);
                bucket.Users++;
            }

            try
            {
                await bucket.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                lock (_gate)
                {
                    bucket.Users--;
                }

                throw;
            }

            bool moved;
            lock (_gate)
            {
                // The request before us may have learned the route's real bucket: queue there instead.
                moved = !string.Equals(BucketKey(route), key, StringComparison.Ordinal);
            }

            if (moved)
            {
                Release(bucket);
                continue;
            }

            try
            {
                await WaitForBucketAsync(route, bucket, cancellationToken).ConfigureAwait(false);
                if (route.CountsTowardGlobalLimit)
                {
                    await WaitForGlobalAsync(route, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                Release(bucket);
                throw;
            }

            return new RateLimitLease(this, route, bucket);
        }
    }

    internal void Update(DiscordRoute route, HttpResponseHeaders headers)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
            {
                _bucketHashByRoute[route.Key] = hash;
            }

            var remaining = Header(headers, "X-RateLimit-Remaining") is { } remainingText
                && int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                    ? count
                    : (int?)null;
            var resetAfter = Seconds(Header(headers, "X-RateLimit-Reset-After"));
            if (remaining is null && resetAfter is null)
            {
                return;
            }

            var bucket = GetOrAddBucket(BucketKey(route));
            bucket.Remaining = remaining;
            if (resetAfter is { } after)
            {
                bucket.ResetAt = now + after;
            }
        }
    }

    internal void RateLimited(DiscordRoute route, TimeSpan retryAfter, bool global)
    {
        var until = timeProvider.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            var bucket = GetOrAddBucket(BucketKey(route));
            bucket.Remaining = 0;
            if (until > bucket.ResetAt)
            {
                bucket.ResetAt = until;
            }

            if (global && until > _globalPausedUntil)
            {
                _globalPausedUntil = until;
            }
        }
    }

    internal void Release(RateLimitBucket bucket)
    {
        lock (_gate)
        {
            bucket.Users--;
        }

        bucket.Turn.Release();
    }

    /// <summary>Parses a header of fractional seconds (<c>1.5</c>).</summary>
    internal static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private async Task WaitForBucketAsync(DiscordRoute route, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            wait = bucket.Remaining == 0 ? bucket.ResetAt - timeProvider.GetUtcNow() : TimeSpan.Zero;
        }

        if (wait > TimeSpan.Zero)
        {
            Log.RateLimitBucketWait(logger, route.Key, wait);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            if (bucket.Remaining == 0 && bucket.ResetAt <= timeProvider.GetUtcNow())
            {
                bucket.Remaining = null;
            }
        }
    }

    private async Task WaitForGlobalAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            // Reserve a slot: no earlier than a second after the request 50 places back.
            slot = timeProvider.GetUtcNow();
            if (_globalSlots.Count >= GlobalRequestsPerSecond)
            {
                var windowOpens = _globalSlots.Dequeue() + TimeSpan.FromSeconds(1);
                slot = windowOpens > slot ? windowOpens : slot;
            }

            slot = _globalPausedUntil > slot ? _globalPausedUntil : slot;
            _globalSlots.Enqueue(slot);
        }

        while (true)
        {
            var wait = slot - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                Log.RateLimitGlobalWait(logger, route.Key, wait);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            lock (_gate)
            {
                // A global 429 may have paused everything while this request waited.
                if (_globalPausedUntil <= timeProvider.GetUtcNow())
                {
                    return;
                }

                slot = _globalPausedUntil;
            }
        }
    }

    private string BucketKey(DiscordRoute route) =>
        _bucketHashByRoute.TryGetValue(route.Key, out var hash)
            ? $"{hash}:{route.MajorParameter}"
            : $"{route.Key}:{route.MajorParameter}";

    private RateLimitBucket GetOrAddBucket(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            if (_buckets.Count >= _pruneAt)
            {
                Prune();
            }

            _buckets[key] = bucket = new RateLimitBucket();
        }

        return bucket;
    }

    /// <summary>Forgets buckets nobody is using whose limits have reset (DM channels, interaction webhooks).</summary>
    private void Prune()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (key, bucket) in _buckets.ToList())
        {
            if (bucket.Users == 0 && (bucket.Remaining != 0 || bucket.ResetAt <= now))
            {
                _buckets.Remove(key);
            }
        }

        _pruneAt = Math.Max(PruneThreshold, _buckets.Count * 2);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
