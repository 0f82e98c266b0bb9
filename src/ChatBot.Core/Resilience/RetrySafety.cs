namespace ChatBot.Core.Resilience;

/// <summary>
/// Whether a chat platform request may be sent again when its outcome is unknown: the one rule every platform
/// client follows. An answer saying the platform did not act (HTTP 429) is retried after the wait the platform
/// asks for, whatever the request. A timeout, a connection lost mid-request or a server error leaves the outcome
/// unknown: the platform may have acted (Slack says so of internal_error and fatal_error: "It's possible some
/// aspect of the operation succeeded before the error was raised"). Such a request is sent again only when it is
/// <see cref="Repeatable"/>. A <see cref="OnceOnly"/> request fails at once, as a transient failure, and the
/// service that owns it retries it later on its own schedule, with its own record: a duplicated message is seen by
/// everyone in the channel and cannot be taken back, a late one only waits, and a quick resend comes exactly when
/// the platform is slow, which is when the first copy most likely went through.
/// </summary>
public enum RetrySafety
{
    /// <summary>
    /// Sent twice, it acts once: a read, a PUT, PATCH or DELETE, or a POST the platform itself deduplicates
    /// (a message carrying a key the platform checks, a response it accepts once, a channel it returns if it exists).
    /// </summary>
    Repeatable,

    /// <summary>Sent twice, it may act twice (a second message): never sent again after an unknown outcome.</summary>
    OnceOnly,
}
