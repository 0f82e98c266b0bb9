namespace ChatBot.Slack.Http;

/// <summary>The outcome of checking a request's Slack signature.</summary>
internal enum SignatureCheck
{
    Valid,

    /// <summary>No <c>X-Slack-Signature</c> or <c>X-Slack-Request-Timestamp</c>, or a timestamp that is not a number.</summary>
    Missing,

    /// <summary>The timestamp is more than five minutes from now (a replay).</summary>
    Stale,

    /// <summary>The signature does not match the body.</summary>
    Mismatch,
}
