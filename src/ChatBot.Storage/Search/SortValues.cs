using Lucene.Net.Index;

namespace ChatBot.Storage.Search;

/// <summary>
/// A segment's numeric doc values (<see cref="PaperFields.DateSort"/>, <see cref="PaperFields.UpvotesSort"/>) as an
/// array, read once per segment reader. Lucene reads these doc values from the index file on every call (a seek and a
/// decode through the directory's input): measured at 100,000 papers, reading the date of every hit of a one-word
/// query cost twice the search itself. An array costs 8 bytes a document per field (16 MB for both at 1,000,000).
/// <para>
/// Kept per reader instance: an upvote change gives the segment a new reader, so a value is never stale; the first
/// sorted search after a refresh reads the changed segments' values again.
/// </para>
/// </summary>
internal static class SortValues
{
    // Two fields at most: the capacity never turns a value away.
    private static readonly SegmentCache<string, long[]> Cache = new(capacity: int.MaxValue);

    /// <summary>The field's value of every document of the segment; 0 where there is none.</summary>
    public static long[] Of(AtomicReader reader, string field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Cache.GetOrBuild(reader, field, (reader, field), static s => Read(s.reader, s.field));
    }

    private static long[] Read(AtomicReader reader, string field)
    {
        var values = new long[reader.MaxDoc];
        if (reader.GetNumericDocValues(field) is { } docValues)
        {
            for (var doc = 0; doc < values.Length; doc++)
            {
                values[doc] = docValues.Get(doc);
            }
        }

        return values;
    }
}
