using System.Globalization;
using System.Text;
using ChatBot.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ChatBot.Storage.Search;

/// <summary>
/// Collects the store sequence of every document a query matches (no scores, no top-n). Sequences come from the
/// field cache of the <see cref="PaperFields.Sequence"/> terms, read once per segment.
/// </summary>
internal sealed class SequenceCollector(SequenceSet sequences) : ICollector
{
    private FieldCache.Int64s _values = FieldCache.Int64s.EMPTY;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Scores are not needed: every matching paper counts.
    }

    public void SetNextReader(AtomicReaderContext context) =>
        _values = FieldCache.DEFAULT.GetInt64s(context.AtomicReader, PaperFields.Sequence, DecimalParser.Instance, setDocsWithField: false);

    public void Collect(int doc) => sequences.Add(_values.Get(doc));

    /// <summary>The sequence is indexed as its decimal text (a plain term, so it can be deleted by).</summary>
    private sealed class DecimalParser : FieldCache.IInt64Parser
    {
        public static readonly DecimalParser Instance = new();

        public long ParseInt64(BytesRef term) =>
            long.Parse(Encoding.ASCII.GetString(term.Bytes, term.Offset, term.Length), NumberStyles.None, CultureInfo.InvariantCulture);

        public TermsEnum GetTermsEnum(Terms terms) => terms.GetEnumerator();
    }
}
