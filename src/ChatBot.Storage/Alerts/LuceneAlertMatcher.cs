using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Storage.Search;
using Lucene.Net.Analysis;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// Matches a batch of new papers against alert queries with Lucene: the batch goes into an in-memory
/// index built exactly as the search index builds its documents (<see cref="PaperFields"/>, the same
/// analyzers), and each alert runs as the query <see cref="PaperQueryBuilder"/> makes for a search of the
/// same text, collecting every match (no scores, no any-word fallback, sort ignored). Withdrawn papers are
/// not indexed; dates resolve against <c>now</c>.
/// <para>
/// Cost model. Per batch of P papers: indexing them (about 1 ms per 10 papers of typical length), one
/// merge to a single segment, and reading each field's term dictionary into a hash set. Per distinct
/// query text (alerts with the same text share the work of one call): analysing each word once (cached
/// by word), a hash lookup per token to rule out an alert whose required words the batch lacks (for a
/// clause of alternatives, all of them), and a comparison of its date and upvote bounds with the batch's
/// range. Per alert that survives: building its Lucene query once and one search, which costs term
/// lookups in the batch's single segment plus one step per matching document (P at most); per match, one
/// <see cref="AlertMatch"/>. Alerts are split in contiguous ranges over the processors; the result lists
/// each alert's matches in the order the alerts came, papers in index order.
/// </para>
/// </summary>
internal sealed class LuceneAlertMatcher : IAlertMatcher, IDisposable
{
    private const int AlertsPerPartition = 1024;

    private readonly Analyzer _analyzer = PaperAnalyzer.Create();
    private readonly PaperQueryBuilder _queries;

    public LuceneAlertMatcher()
    {
        _queries = new PaperQueryBuilder(_analyzer);
    }

    public Task<IReadOnlyList<AlertMatch>> MatchAsync(
        IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();
        if (alerts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AlertMatch>>([]);
        }

        using var batch = AlertBatch.Open(papers, _analyzer);
        if (batch is null)
        {
            return Task.FromResult<IReadOnlyList<AlertMatch>>([]);
        }

        var run = new AlertMatchRun(batch, _queries, _analyzer, now);
        var partitions = (alerts.Count + AlertsPerPartition - 1) / AlertsPerPartition;
        var found = new List<AlertMatch>[partitions];
        Parallel.For(
            0,
            partitions,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new MatchingDocCollector(batch),
            (partition, _, collector) =>
            {
                var matches = new List<AlertMatch>();
                var end = Math.Min((partition + 1) * AlertsPerPartition, alerts.Count);
                for (var i = partition * AlertsPerPartition; i < end; i++)
                {
                    run.Match(alerts[i], collector, matches);
                }

                found[partition] = matches;
                return collector;
            },
            _ => { });

        var all = new List<AlertMatch>(found.Sum(m => m.Count));
        foreach (var matches in found)
        {
            all.AddRange(matches);
        }

        return Task.FromResult<IReadOnlyList<AlertMatch>>(all);
    }

    public void Dispose() => _analyzer.Dispose();
}
