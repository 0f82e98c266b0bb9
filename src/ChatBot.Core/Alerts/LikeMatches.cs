namespace ChatBot.Core.Alerts;

/// <summary>
/// What <see cref="LikeAlertMatcher"/> found in a batch: how many of its papers, from the first, may be matched now
/// (the rest wait for their vectors), and each <c>like:</c> alert's matches among those.
/// </summary>
public sealed record LikeMatches(int Ready, IReadOnlyDictionary<string, AlertMatches> ByAlert)
{
    /// <summary>Every paper may go on, and nothing matched by meaning.</summary>
    public static LikeMatches None(int count) => new(count, new Dictionary<string, AlertMatches>(StringComparer.Ordinal));
}
