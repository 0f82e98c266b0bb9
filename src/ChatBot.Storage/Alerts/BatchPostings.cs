using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// One worker's reader of a batch's postings: sets the documents a query of <see cref="Search.PaperQueryBuilder.Term"/>
/// matches in a bit set. Term queries, exact phrases and their disjunctions (all that builder makes) are read straight
/// from the postings with enumerators kept from one query to the next; a Lucene search would build a weight, a scorer and
/// fresh term and postings enumerators for each (about 40 KB a query: 500 MB for the 12,000 words and phrases of 100,000
/// alerts against 1,000 papers). Any other query runs as a Lucene search. Not thread safe: one per worker.
/// </summary>
internal sealed class BatchPostings(AlertBatch batch)
{
    private readonly Dictionary<string, FieldPostings>?[] _leaves = new Dictionary<string, FieldPostings>?[batch.Searcher.IndexReader.Leaves.Count];

    // A phrase's positions per term, and its enumerators: kept for the next phrase.
    private int[][] _positions = [];
    private int[] _lengths = [];
    private DocsAndPositionsEnum?[] _enums = [];

    /// <summary>Sets the bit of every document <paramref name="query"/> matches (no bit is cleared).</summary>
    public void Collect(Query query, ulong[] bits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(bits);
        switch (query)
        {
            case TermQuery term:
                CollectTerm(term.Term, bits);
                break;
            case PhraseQuery { Slop: 0 } phrase when phrase.GetTerms().Length == 1:
                CollectTerm(phrase.GetTerms()[0], bits); // as Lucene rewrites it
                break;
            case PhraseQuery { Slop: 0 } phrase when phrase.GetTerms().Length > 1 && CollectPhrase(phrase, bits):
                break;
            case DisjunctionMaxQuery anyOf:
                // A document matches a disjunction when it matches one of its parts; boosts only score.
                foreach (var part in anyOf.Disjuncts)
                {
                    Collect(part, bits);
                }

                break;
            default:
                batch.Searcher.Search(query, new DocBitsCollector(bits));
                break;
        }
    }

    private void CollectTerm(Term term, ulong[] bits)
    {
        var leaves = batch.Searcher.IndexReader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            if (Field(leaves[l], term.Field) is not { Terms: { } terms } field || !terms.SeekExact(term.Bytes))
            {
                continue;
            }

            var docs = field.Docs = terms.Docs(leaves[l].AtomicReader.LiveDocs, field.Docs, DocsFlags.NONE);
            var docBase = leaves[l].DocBase;
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                Set(bits, docBase + doc);
            }
        }
    }

    // An exact phrase, as Lucene's ExactPhraseScorer matches it: a document where, from some start, each term occurs at
    // the start plus its position in the phrase. False (nothing set) when a term's field has no positions: the search then
    // fails as it would have.
    private bool CollectPhrase(PhraseQuery phrase, ulong[] bits)
    {
        var terms = phrase.GetTerms();
        var at = phrase.GetPositions();
        var field = terms[0].Field; // a phrase's terms are of one field
        Grow(terms.Length);
        var leaves = batch.Searcher.IndexReader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            if (Field(leaves[l], field) is not { Terms: { } termsEnum })
            {
                continue;
            }

            var missing = false;
            for (var i = 0; i < terms.Length && !missing; i++)
            {
                if (!termsEnum.SeekExact(terms[i].Bytes))
                {
                    missing = true;
                    continue;
                }

                _enums[i] = termsEnum.DocsAndPositions(leaves[l].AtomicReader.LiveDocs, _enums[i], DocsAndPositionsFlags.NONE);
                if (_enums[i] is null)
                {
                    return false;
                }
            }

            if (!missing)
            {
                CollectPhrase(terms.Length, at, leaves[l].DocBase, bits);
            }
        }

        return true;
    }

    // The documents all the terms' enumerators have, each checked for the terms at their phrase positions.
    private void CollectPhrase(int count, int[] at, int docBase, ulong[] bits)
    {
        var lead = _enums[0]!;
        for (var doc = lead.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = lead.NextDoc())
        {
            var inAll = true;
            for (var i = 1; i < count && inAll; i++)
            {
                var other = _enums[i]!;
                inAll = (other.DocID < doc ? other.Advance(doc) : other.DocID) == doc;
            }

            if (inAll && HasPhrase(count, at))
            {
                Set(bits, docBase + doc);
            }
        }
    }

    // Whether, in the current document, some start has each term i at start + at[i].
    private bool HasPhrase(int count, int[] at)
    {
        var lengths = _lengths;
        for (var i = 0; i < count; i++)
        {
            var postings = _enums[i]!;
            var freq = postings.Freq;
            if (_positions[i].Length < freq)
            {
                _positions[i] = new int[Math.Max(freq, _positions[i].Length * 2)];
            }

            for (var p = 0; p < freq; p++)
            {
                _positions[i][p] = postings.NextPosition(); // ascending
            }

            lengths[i] = freq;
        }

        for (var p = 0; p < lengths[0]; p++)
        {
            var start = _positions[0][p] - at[0];
            var all = true;
            for (var i = 1; i < count && all; i++)
            {
                all = Array.BinarySearch(_positions[i], 0, lengths[i], start + at[i]) >= 0;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private void Grow(int terms)
    {
        if (_enums.Length >= terms)
        {
            return;
        }

        var positions = new int[terms][];
        for (var i = 0; i < terms; i++)
        {
            positions[i] = i < _positions.Length ? _positions[i] : new int[16];
        }

        _positions = positions;
        _lengths = new int[terms];
        Array.Resize(ref _enums, terms);
    }

    private FieldPostings Field(AtomicReaderContext leaf, string name)
    {
        var fields = _leaves[leaf.Ord] ??= new Dictionary<string, FieldPostings>(StringComparer.Ordinal);
        if (!fields.TryGetValue(name, out var field))
        {
            fields[name] = field = new FieldPostings(leaf.AtomicReader.GetTerms(name)?.GetEnumerator());
        }

        return field;
    }

    private static void Set(ulong[] bits, int doc) => bits[doc >> 6] |= 1UL << doc;
}
