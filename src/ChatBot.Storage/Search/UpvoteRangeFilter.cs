using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ChatBot.Storage.Search;

/// <summary>
/// Papers with an upvote count (<see cref="PaperFields.UpvotesSort"/>; unknown counts as 0) between the bounds, both
/// included: what <c>FieldCacheRangeFilter.NewInt32Range</c> matches, but the matches of a segment are found once per
/// segment reader and bound and kept as a bit set. The field-cache filter reads the doc value of every posting of
/// every word of the query, on every search; here a posting costs a bit test.
/// <para>
/// Kept per reader instance, not per segment core: an upvote change (a doc-values update) gives the segment a new
/// reader and leaves the old one, and its bit sets, to the garbage collector with the searcher that used it.
/// </para>
/// </summary>
internal sealed class UpvoteRangeFilter(int? min, int? max) : Filter
{
    /// <summary>Bounds kept per segment reader; a further bound is matched without keeping its bit set.</summary>
    public const int MaxCachedRanges = 32;

    private static readonly SegmentCache<(int? Min, int? Max), FixedBitSet> Cache = new(MaxCachedRanges);

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = context.AtomicReader;
        var lower = min ?? int.MinValue;
        var upper = max ?? int.MaxValue;
        if (lower > upper)
        {
            return null;
        }

        var matches = Cache.GetOrBuild(reader, (min, max), (reader, lower, upper), static s => Match(s.reader, s.lower, s.upper));
        return BitsFilteredDocIdSet.Wrap(matches, acceptDocs);
    }

    public override string ToString() => $"{PaperFields.UpvotesSort}:[{min}..{max}]";

    private static FixedBitSet Match(AtomicReader reader, int lower, int upper)
    {
        var matches = new FixedBitSet(reader.MaxDoc);
        var values = reader.GetNumericDocValues(PaperFields.UpvotesSort);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var value = values is null ? 0 : (int)values.Get(doc);
            if (value >= lower && value <= upper)
            {
                matches.Set(doc);
            }
        }

        return matches;
    }
}
