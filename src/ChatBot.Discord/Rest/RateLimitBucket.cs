namespace ChatBot.Discord.Rest;

/// <summary>
/// What is known about one rate limit bucket (a Discord bucket hash plus a major parameter, or a
/// route key until Discord names its bucket). <see cref="Turn"/> lets one request at a time through;
/// the counters are read and written under the limiter's lock.
/// </summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Requests left before <see cref="ResetAt"/>; null when unknown.</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    /// <summary>Requests holding or waiting for <see cref="Turn"/>; a bucket with none may be forgotten.</summary>
    public int Users { get; set; }
}
