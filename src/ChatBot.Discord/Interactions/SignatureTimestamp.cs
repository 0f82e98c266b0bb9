using System.Globalization;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// The freshness of <c>X-Signature-Timestamp</c> (unix seconds, signed together with the body). A
/// signed request stays valid forever, so one captured could be replayed; the endpoint therefore
/// refuses a timestamp more than <see cref="Tolerance"/> from now in either direction, as Slack
/// documents for its signatures (https://api.slack.com/authentication/verifying-requests-from-slack).
/// A host clock that far off would refuse Discord too: keep it synchronised (NTP).
/// </summary>
internal static class SignatureTimestamp
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The last second <see cref="DateTimeOffset.FromUnixTimeSeconds"/> accepts.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static bool IsFresh(string? timestamp, DateTimeOffset now, out string failure)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            failure = "timestamp is not unix seconds";
            return false;
        }

        var skew = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > Tolerance)
        {
            failure = $"timestamp {Math.Abs(skew.TotalSeconds):F0} s {(skew > TimeSpan.Zero ? "old" : "ahead")}, more than {Tolerance.TotalMinutes:F0} minutes from now";
            return false;
        }

        failure = "";
        return true;
    }
}
