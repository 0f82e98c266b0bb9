using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ChatBot.Storage.Search;

/// <summary>
/// Papers that match none of the excluded words or phrases (<c>-word</c>): what the MUST_NOT clauses of a query would
/// leave. As a clause, an excluded word is a scorer advanced along the postings of the query (for a word anywhere, a
/// disjunction over four fields): measured at 100,000 papers, that made a query with an exclusion two to three times
/// slower than the same query without. Here a segment's papers without the word are a bit set, and the query's postings
/// skip the others with a bit test; results and scores are those of the MUST_NOT clauses (an excluded clause never scores).
/// <para>
/// The bit sets are kept per segment core, which neither new papers, deletes nor upvote changes alter (deleted papers
/// are left out by the searcher's own live documents), and dropped with it; at most <see cref="MaxCachedExclusions"/>
/// per segment, further ones are built for the search and not kept.
/// </para>
/// </summary>
/// <param name="excluded">The excluded words as the queries that match them (<see cref="PaperQueryBuilder.Term"/>).</param>
internal sealed class ExcludedTermsFilter(IReadOnlyList<Query> excluded) : Filter
{
    /// <summary>Bit sets kept per segment: 12.5 KB each per 100,000 papers.</summary>
    public const int MaxCachedExclusions = 64;

    private static readonly SegmentCache<string, FixedBitSet> Cache = new(MaxCachedExclusions);

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        FixedBitSet? allowed = null;
        foreach (var query in excluded)
        {
            var without = Cache.GetOrBuild(context.AtomicReader.CoreCacheKey, query.ToString(), (context, query), static s => Without(s.context, s.query));

            if (allowed is null)
            {
                // A kept set is shared by every search: never changed, copied before a second exclusion is applied.
                allowed = excluded.Count == 1 ? without : without.Clone();
            }
            else
            {
                allowed.And(without);
            }
        }

        if (allowed is null)
        {
            // Nothing excluded: every paper.
            allowed = new FixedBitSet(context.AtomicReader.MaxDoc);
            allowed.Set(0, allowed.Length);
        }

        return BitsFilteredDocIdSet.Wrap(allowed, acceptDocs);
    }

    public override string ToString() => "-(" + string.Join(' ', excluded) + ")";

    // Every document of the segment but those the query matches (deleted ones included: the searcher skips them).
    private static FixedBitSet Without(AtomicReaderContext context, Query query)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        var without = new FixedBitSet(maxDoc);
        without.Set(0, maxDoc);
        var matches = new QueryWrapperFilter(query).GetDocIdSet(context, acceptDocs: null)?.GetIterator();
        if (matches is not null)
        {
            for (var doc = matches.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.NextDoc())
            {
                without.Clear(doc);
            }
        }

        return without;
    }
}
