using ChatBot.Core.Papers;

namespace ChatBot.Core.Search;

/// <summary>
/// Fuses rankings by reciprocal rank (Cormack, Clarke and Büttcher, SIGIR 2009): a paper scores
/// Σ 1 / (<see cref="K"/> + rank) over the rankings it appears in, rank counted from 1. Only ranks are used,
/// so BM25 scores and cosine similarities need no common scale.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The paper's constant; 60 damps the weight of the very top ranks as in the original study.</summary>
    public const int K = 60;

    /// <summary>
    /// The papers of every ranking, best fused score first; ties keep the order of first appearance
    /// (the earlier ranking, then the higher rank), so the result is deterministic.
    /// </summary>
    public static IReadOnlyList<SearchHit> Fuse(params IReadOnlyList<SearchHit>[] rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var scores = new Dictionary<PaperId, (double Score, int FirstSeen)>();
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var id = ranking[i].Id;
                var gain = 1.0 / (K + i + 1);
                scores[id] = scores.TryGetValue(id, out var seen) ? (seen.Score + gain, seen.FirstSeen) : (gain, scores.Count);
            }
        }

        return [.. scores
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Value.FirstSeen)
            .Select(p => new SearchHit(p.Key, (float)p.Value.Score))];
    }
}
