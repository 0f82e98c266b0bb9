using System.Net.Http.Headers;

namespace ChatBot.Discord.Rest;

/// <summary>
/// The right to send one request on a bucket. Until it is disposed no other request on that bucket
/// is sent; the response's rate limit headers are reported back through it.
/// </summary>
internal sealed class RateLimitLease(DiscordRateLimiter limiter, DiscordRoute route, RateLimitBucket bucket) : IDisposable
{
    private bool _disposed;

    /// <summary>Learns the bucket, its remaining count and its reset from a response's headers.</summary>
    public void Update(HttpResponseHeaders headers) => limiter.Update(route, headers);

    /// <summary>A 429: nothing more on this bucket (or anywhere, when global) for <paramref name="retryAfter"/>.</summary>
    public void RateLimited(TimeSpan retryAfter, bool global) => limiter.RateLimited(route, retryAfter, global);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            limiter.Release(bucket);
        }
    }
}
