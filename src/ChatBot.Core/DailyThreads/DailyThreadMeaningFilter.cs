using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// A daily-thread filter by meaning: with <c>mode:semantic</c> a fresh paper qualifies when its vector is within
/// <see cref="DailyThreadOptions.MeaningCutOff"/> (cosine) of the filter's words and it passes the filter's other
/// conditions (phrases, <c>title:</c>, <c>author:</c>, exclusions, dates, upvotes); with <c>mode:hybrid</c>, also when it
/// matches the words. A paper not embedded yet is judged by the words, and the log says how many were; with the model
/// unavailable the whole filter runs on the words (logged).
/// </summary>
public sealed class DailyThreadMeaningFilter(
    ISearchIndex index,
    SemanticSearch semantic,
    IPaperVectorStore vectors,
    ITextEmbedder embedder,
    IOptions<DailyThreadOptions> options,
    ILogger<DailyThreadMeaningFilter> logger)
{
    /// <summary>True when <paramref name="query"/> asks to be matched by meaning (and has words to match).</summary>
    public static bool Applies(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Mode is SearchMode.Semantic or SearchMode.Hybrid && query.MeaningText.Length > 0;
    }

    /// <summary>The <paramref name="candidates"/> the filter admits; <paramref name="byWords"/> are the papers its words match.</summary>
    public async Task<IReadOnlyList<Paper>> AdmitAsync(
        string scheduleId, SearchQuery query, IReadOnlyList<Paper> candidates, IReadOnlySet<PaperId> byWords, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(byWords);
        var topic = embedder.Status.IsUnavailable ? null : await semantic.EmbedAsync(query.MeaningText, cancellationToken);
        if (topic is null || (await vectors.GetStateAsync(cancellationToken)).ModelId != embedder.ModelId)
        {
            Log.DailyThreadMeaningUnavailable(logger, scheduleId, embedder.Status.Reason ?? "the paper vectors are being made");
            return [.. candidates.Where(p => byWords.Contains(p.Id))];
        }

        var conditions = await index.FilterAsync(query.FiltersOnly(), now, cancellationToken);
        var cutOff = (float)options.Value.MeaningCutOff;
        var hybrid = query.Mode == SearchMode.Hybrid;
        var admitted = new List<Paper>();
        var byWordsOnly = 0;
        foreach (var paper in candidates)
        {
            if (await vectors.FindAsync(paper.Id, cancellationToken) is not { } vector)
            {
                byWordsOnly++;
                if (byWords.Contains(paper.Id))
                {
                    admitted.Add(paper);
                }

                continue;
            }

            var close = (conditions is null || conditions.Contains(paper.Sequence))
                && vector.Vector.Length == topic.Length
                && Cosine.Of(topic, vector.Vector) >= cutOff;
            if (close || (hybrid && byWords.Contains(paper.Id)))
            {
                admitted.Add(paper);
            }
        }

        if (byWordsOnly > 0)
        {
            Log.DailyThreadPapersNotEmbedded(logger, scheduleId, byWordsOnly);
        }

        return admitted;
    }
}
