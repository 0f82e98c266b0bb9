using System.Diagnostics;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Queries;
using ChatBot.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// The same queries on Lucene.Net alone, to set our search latency against: a plain <see cref="IndexSearcher"/> (BM25,
/// one thread, no term states carried over, no halves) over the index as searches see it, running the Lucene query and
/// filter our builder makes for the first page, every hit counted, relaxed to any word when nothing matched as the bot
/// does. What is above its latency is ours to cut; what is below it is the engine's.
/// </summary>
internal sealed class PlainLuceneSearch(IndexReader reader, int pageSize, DateTimeOffset now) : IDisposable
{
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = PaperAnalyzer.Create();
    private readonly IndexSearcher _searcher = new(reader) { Similarity = new BM25Similarity() };

    /// <summary>Runs <paramref name="warmUp"/> untimed, then times <paramref name="timed"/> one by one, in order.</summary>
    public LatencyRecorder Time(IEnumerable<BenchmarkQuery> warmUp, IReadOnlyList<BenchmarkQuery> timed)
    {
        foreach (var query in warmUp)
        {
            Search(query);
        }

        var recorder = new LatencyRecorder(timed.Count);
        foreach (var query in timed)
        {
            var started = Stopwatch.GetTimestamp();
            Search(query);
            recorder.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return recorder;
    }

    public void Dispose() => _analyzer.Dispose();

    private int Search(BenchmarkQuery query)
    {
        var builder = new PaperQueryBuilder(_analyzer);
        var clauses = builder.Clauses(query.Query);
        var filter = builder.Filter(query.Query, now);
        var order = HitOrder.For(query.Query.Sort, hasWords: clauses.Count > 0);
        var top = Run(PaperQueryBuilder.Combine(clauses, anyClause: false), filter, order);
        if (top.TotalHits == 0 && clauses.Count >= 2)
        {
            top = Run(PaperQueryBuilder.Combine(clauses, anyClause: true), filter, order);
        }

        return top.TotalHits;
    }

    private TopDocs Run(Query query, Filter? filter, HitOrder? order) => order is null
        ? _searcher.Search(query, filter, pageSize)
        : _searcher.Search(query, filter, pageSize, new Sort(
            new SortField(order.Primary, SortFieldType.INT64, reverse: true),
            order.Secondary is { } secondary ? new SortField(secondary, SortFieldType.INT64, reverse: true) : SortField.FIELD_SCORE));
}
