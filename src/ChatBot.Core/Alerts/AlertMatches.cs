using System.Numerics;

namespace ChatBot.Core.Alerts;

/// <summary>
/// The papers of a batch that one alert matched, as a bit set over the batch's positions (bit i: the i-th paper the
/// matcher was given). A batch of common words makes millions of (alert, paper) matches; as bits they take one
/// 128-byte array per alert for a batch of 1,000 papers.
/// </summary>
public sealed class AlertMatches(string alertId, ulong[] papers)
{
    public string AlertId { get; } = alertId;

    /// <summary>Bit i is set when the alert matched paper i of the batch.</summary>
    public ReadOnlySpan<ulong> Papers => papers;

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in papers)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    public bool Contains(int position) => (uint)(position >> 6) < (uint)papers.Length && (papers[position >> 6] & (1UL << position)) != 0;

    /// <summary>The positions of the matched papers, ascending.</summary>
    public IEnumerable<int> Positions()
    {
        for (var word = 0; word < papers.Length; word++)
        {
            var bits = papers[word];
            while (bits != 0)
            {
                yield return (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }

    /// <summary>A bit set for <paramref name="paperCount"/> papers.</summary>
    public static ulong[] NewSet(int paperCount) => new ulong[(paperCount + 63) >> 6];
}
