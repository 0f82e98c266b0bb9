using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Chooses a day's papers for a channel: the top trending among the fresh ones, matching the
/// schedule's filter (by its words; by meaning too with <c>mode:semantic</c> or <c>mode:hybrid</c>, see
/// <see cref="DailyThreadMeaningFilter"/>), leaving out every paper the channel already got in an earlier thread.
/// </summary>
public sealed class DailyThreadComposer(
    IPaperStore store,
    ISearchIndex index,
    IOptions<TrendingOptions> trending,
    IOptions<DailyThreadOptions> options,
    DailyThreadMeaningFilter? meaning = null)
{
    /// <summary>Most papers a filter can admit; more than any day brings.</summary>
    private const int FilterLimit = 10_000;

    public async Task<IReadOnlyList<TrendingResult>> ChooseAsync(
        DailyThreadSchedule schedule, DateTimeOffset now, IReadOnlySet<PaperId> alreadyPosted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(alreadyPosted);
        IEnumerable<Paper> candidates = await store.ListFreshSinceAsync(now - options.Value.FreshWindow, cancellationToken);
        if (!string.IsNullOrWhiteSpace(schedule.Filter))
        {
            var query = SearchQueryParser.Parse(schedule.Filter);
            var matches = await index.SearchAsync(query, 0, FilterLimit, now, cancellationToken);
            // A filter that matches nothing in full must not widen to any-word matches.
            var allowed = matches.RelaxedToAnyWord ? [] : matches.Hits.Select(h => h.Id).ToHashSet();
            candidates = meaning is not null && DailyThreadMeaningFilter.Applies(query)
                ? await meaning.AdmitAsync(schedule.Id, query, [.. candidates], allowed, now, cancellationToken)
                : candidates.Where(p => allowed.Contains(p.Id));
        }

        return TrendingScore.Rank(candidates.Where(p => !alreadyPosted.Contains(p.Id)), now, trending.Value, schedule.Top);
    }

    /// <summary>Papers chosen earlier, as they are now, in the order given (missing ones left out).</summary>
    public async Task<IReadOnlyList<TrendingResult>> LoadAsync(IReadOnlyList<PaperId> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var papers = await store.FindManyAsync(ids, cancellationToken);
        return [.. papers.Select(p => TrendingScore.Compute(p, now, trending.Value))];
    }
}
