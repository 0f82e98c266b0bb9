using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ChatBot.Storage.Search;

/// <summary>
/// The "more like this" query of a paper: its most telling title and abstract words as alternatives, each
/// weighted by how often the paper uses it times how rare it is (tf × idf, as Lucene's <c>MoreLikeThis</c>
/// ranks them, each in the field where it is most common). Built here rather than by <c>MoreLikeThis</c>,
/// which reads the stored paper once per field and asks the whole index for the document frequency of every
/// word in every field with a new term enumerator each time (most of a look-up's time at 100,000 papers);
/// this reads the paper once and seeks every word with the thread's enumerator of each segment and field
/// (<see cref="TermStates.Enumerator"/>), once per reader: the counts are kept (<see cref="WordDocFreqs"/>).
/// </summary>
internal sealed class SimilarPaperQuery(Analyzer analyzer)
{
    // Words whose document frequencies are kept per reader: a look-up's words are mostly common ones that
    // earlier look-ups sought already. Bounded so that a reader kept open long holds a few MB at most.
    private const int CachedWordsPerReader = 200_000;

    // Exact for the reader they were counted in, and gone with it (a refresh after indexing is a new reader).
    private readonly ConditionalWeakTable<IndexReader, WordDocFreqs> _docFreqs = new();

    /// <summary>The words of the query, at most.</summary>
    public const int MaxTerms = 25;

    /// <summary>Shorter words say little.</summary>
    public const int MinWordLength = 3;

    /// <summary>A word that no other paper uses finds nothing.</summary>
    public const int MinDocFreq = 2;

    private const int MaxDocFreqPercent = 5;
    private const int SmallIndexDocFreq = 200;

    private static readonly string[] Fields = [PaperFields.Title, PaperFields.Abstract];
    private static readonly ISet<string> TextFields = new HashSet<string>(Fields, StringComparer.Ordinal);

    /// <summary>
    /// The most papers a word of the query may occur in. The query's cost is the postings it scores: a word in
    /// a tenth of the papers says little about this one but scores a tenth of the index. A small index (the
    /// first few hundred papers) keeps words in up to half of them.
    /// </summary>
    public static int MaxDocFreq(int papers) =>
        Math.Max(papers / 100 * MaxDocFreqPercent, Math.Min(papers / 2, SmallIndexDocFreq));

    /// <summary>The query for document <paramref name="doc"/> of the searcher's reader; null when no word qualifies.</summary>
    public Query? Build(IndexSearcher searcher, int doc)
    {
        var reader = searcher.IndexReader;
        var frequencies = TermFrequencies(reader.Document(doc, TextFields));
        if (frequencies.Count == 0)
        {
            return null;
        }

        var papers = reader.NumDocs;
        var maxDocFreq = MaxDocFreq(papers);
        var docFreqs = DocFreqs(reader, frequencies.Keys);
        var scored = new List<(string Word, string Field, float Score)>(frequencies.Count);
        foreach (var (word, tf) in frequencies)
        {
            var (field, docFreq) = docFreqs[word];
            if (docFreq < MinDocFreq || docFreq > maxDocFreq)
            {
                continue;
            }

            // DefaultSimilarity's idf, as MoreLikeThis uses.
            var idf = (float)(Math.Log(papers / (double)(docFreq + 1)) + 1.0);
            scored.Add((word, field, tf * idf));
        }

        if (scored.Count == 0)
        {
            return null;
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore : string.CompareOrdinal(a.Word, b.Word));
        var best = scored[0].Score;
        var query = new BooleanQuery();
        foreach (var (word, field, score) in scored.Take(MaxTerms))
        {
            query.Add(new TermQuery(new Term(field, word)) { Boost = score / best }, Occur.SHOULD);
        }

        return query;
    }

    // Every analysed word of the title and abstract (and summary) of at least MinWordLength characters, with its count.
    private Dictionary<string, int> TermFrequencies(Lucene.Net.Documents.Document document)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            foreach (var text in document.GetValues(field, CultureInfo.InvariantCulture))
            {
                using var stream = analyzer.GetTokenStream(field, text);
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    if (term.Length >= MinWordLength)
                    {
                        var word = term.ToString();
                        frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
                    }
                }

                stream.End();
            }
        }

        return frequencies;
    }

    // Each word's document frequency in the field where it is most common (the first field on a tie), and that field:
    // counted by an earlier look-up in this reader, or sought in every segment and kept.
    private Dictionary<string, (string Field, int DocFreq)> DocFreqs(IndexReader reader, Dictionary<string, int>.KeyCollection words)
    {
        var kept = _docFreqs.GetValue(reader, static _ => new WordDocFreqs(CachedWordsPerReader));
        var result = new Dictionary<string, (string Field, int DocFreq)>(words.Count, StringComparer.Ordinal);
        var missing = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (kept.TryGet(word, out var known))
            {
                result[word] = (Fields[known.Field], known.DocFreq);
            }
            else
            {
                missing.Add(word);
            }
        }

        var perField = new Dictionary<string, int>[Fields.Length];
        var bytes = new BytesRef();
        for (var f = 0; f < Fields.Length; f++)
        {
            var counts = perField[f] = new Dictionary<string, int>(missing.Count, StringComparer.Ordinal);
            foreach (var leaf in reader.Leaves)
            {
                if (TermStates.Enumerator(leaf.AtomicReader, Fields[f]) is not { } termsEnum)
                {
                    continue;
                }

                foreach (var word in missing)
                {
                    bytes.CopyChars(word);
                    if (termsEnum.SeekExact(bytes))
                    {
                        counts[word] = counts.GetValueOrDefault(word) + termsEnum.DocFreq;
                    }
                }
            }
        }

        foreach (var word in missing)
        {
            var top = (Field: (byte)0, DocFreq: 0);
            for (var f = 0; f < Fields.Length; f++)
            {
                var docFreq = perField[f].GetValueOrDefault(word);
                if (docFreq > top.DocFreq)
                {
                    top = ((byte)f, docFreq);
                }
            }

            result[word] = (Fields[top.Field], top.DocFreq);
            kept.Add(word, top.Field, top.DocFreq);
        }

        return result;
    }
}
