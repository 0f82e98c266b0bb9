using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Alerts;

/// <summary>
/// Matches new papers against alerts by example (<c>like:</c>): a paper is sent when its vector is within
/// <see cref="AlertOptions.LikeThreshold"/> (cosine) of the alert's paper. New papers get their vectors later, in the
/// background, so a batch may be matched only as far as its papers have vectors: the first paper without one stops it
/// there, and the alert matching stops with it (keyword alerts included) until the vector comes, for at most
/// <see cref="AlertOptions.LikeWait"/> counted from when this process first saw it waiting. Past that, papers without a
/// vector are matched by words only, and the log says how many. Because the batch is cut and never skipped, a paper is
/// matched once, when ready, and its one delivery names every alert of the user that matched, words or meaning.
/// With search by meaning off or unloadable, nothing waits and <c>like:</c> alerts match nothing (logged once).
/// </summary>
public sealed class LikeAlertMatcher(
    IPaperStore papers,
    IPaperVectorStore vectors,
    ITextEmbedder embedder,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<LikeAlertMatcher> logger)
{
    private readonly Lock _lock = new();
    private long _waitingFor = -1;
    private DateTimeOffset _waitingSince;
    private bool _unavailableReported;

    /// <summary>
    /// The papers of <paramref name="live"/> (ascending sequence, none withdrawn) that may be matched now, from the first,
    /// and the matches of <paramref name="likeAlerts"/> among them, as positions in <paramref name="live"/>.
    /// </summary>
    public async Task<LikeMatches> MatchAsync(IReadOnlyList<Paper> live, IReadOnlyList<Alert> likeAlerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(likeAlerts);
        if (live.Count == 0 || likeAlerts.Count == 0)
        {
            return LikeMatches.None(live.Count);
        }

        var status = embedder.Status;
        if (status.IsUnavailable)
        {
            ReportUnavailable(status, likeAlerts.Count);
            return LikeMatches.None(live.Count);
        }

        // Vectors of another model (a re-embedding under way) do not compare with this model's: not ready yet.
        var current = (await vectors.GetStateAsync(cancellationToken)).ModelId == embedder.ModelId;
        var found = new float[]?[live.Count];
        var ready = 0;
        for (; ready < live.Count; ready++)
        {
            if (!current || await vectors.FindAsync(live[ready].Id, cancellationToken) is not { } vector)
            {
                break;
            }

            found[ready] = vector.Vector;
        }

        var count = ready;
        if (ready < live.Count)
        {
            var waiting = live[ready];
            if (!GaveUpWaiting(waiting, live.Count - ready))
            {
                return await MatchAsync(live, found, count, likeAlerts, cancellationToken);
            }

            // Waited long enough: what has a vector now is matched by meaning, the rest by words only.
            count = live.Count;
            var missing = 0;
            for (var i = ready; i < live.Count; i++)
            {
                found[i] = current && await vectors.FindAsync(live[i].Id, cancellationToken) is { } vector ? vector.Vector : null;
                missing += found[i] is null ? 1 : 0;
            }

            Log.LikeAlertsGaveUpWaiting(logger, missing, options.Value.LikeWait);
        }

        return await MatchAsync(live, found, count, likeAlerts, cancellationToken);
    }

    private async Task<LikeMatches> MatchAsync(IReadOnlyList<Paper> live, float[]?[] found, int count, IReadOnlyList<Alert> likeAlerts, CancellationToken cancellationToken)
    {
        var threshold = (float)options.Value.LikeThreshold;
        var byAlert = new Dictionary<string, AlertMatches>(StringComparer.Ordinal);
        if (count == 0)
        {
            return new LikeMatches(0, byAlert);
        }

        foreach (var (source, alerts) in likeAlerts.GroupBy(a => a.Like!.Value).Select(g => (g.Key, g.ToList())))
        {
            if (await SourceVectorAsync(source, cancellationToken) is not { } sourceVector)
            {
                Log.LikeAlertSourceMissing(logger, source.Value, alerts.Count);
                continue;
            }

            var bits = AlertMatches.NewSet(count);
            var any = false;
            for (var i = 0; i < count; i++)
            {
                if (found[i] is { } vector && live[i].Id != source && vector.Length == sourceVector.Length && Cosine.Of(sourceVector, vector) >= threshold)
                {
                    bits[i >> 6] |= 1UL << i;
                    any = true;
                }
            }

            if (any)
            {
                foreach (var alert in alerts)
                {
                    byAlert[alert.Id] = new AlertMatches(alert.Id, bits);
                }
            }
        }

        return new LikeMatches(count, byAlert);
    }

    /// <summary>
    /// The vector of an alert's paper: the stored one, or (not embedded yet, or re-keyed under another id) computed from
    /// the paper as stored now; null when the paper is gone or withdrawn, or the model cannot run.
    /// </summary>
    private async Task<float[]?> SourceVectorAsync(PaperId source, CancellationToken cancellationToken)
    {
        var paper = await papers.FindAsync(source, cancellationToken);
        if (paper is null || paper.Withdrawn)
        {
            return null;
        }

        if ((await vectors.GetStateAsync(cancellationToken)).ModelId == embedder.ModelId && await vectors.FindAsync(paper.Id, cancellationToken) is { } stored)
        {
            return stored.Vector;
        }

        try
        {
            return (await embedder.EmbedAsync([EmbeddingText.Of(paper)], cancellationToken))[0];
        }
        catch (EmbedderUnavailableException)
        {
            return null;
        }
    }

    // True once the first paper without a vector has waited LikeWait in this process; a restart waits again, which
    // delays but neither loses nor repeats a paper.
    private bool GaveUpWaiting(Paper waiting, int papersWaiting)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_waitingFor != waiting.Sequence)
            {
                _waitingFor = waiting.Sequence;
                _waitingSince = now;
                Log.LikeAlertsWaiting(logger, papersWaiting, waiting.Sequence, options.Value.LikeWait);
            }

            if (now - _waitingSince < options.Value.LikeWait)
            {
                return false;
            }

            _waitingFor = -1;
            return true;
        }
    }

    private void ReportUnavailable(EmbedderStatus status, int alerts)
    {
        lock (_lock)
        {
            if (_unavailableReported)
            {
                return;
            }

            _unavailableReported = true;
        }

        Log.LikeAlertsUnavailable(logger, alerts, status.Reason ?? status.State.ToString());
    }
}
