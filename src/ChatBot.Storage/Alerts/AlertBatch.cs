using System.Globalization;
using ChatBot.Core.Papers;
using ChatBot.Storage.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// One batch of papers in an in-memory Lucene index, with what matching reads of the documents the search index
/// would hold (its text fields indexed the same way with the same analyzer, not stored, and the id), one searcher over it, every document's id, date and upvotes as arrays,
/// and the set of terms of each text field, so an alert whose words the batch lacks is skipped unasked.
/// </summary>
internal sealed class AlertBatch : IDisposable
{
    private static readonly string[] TextFields = [PaperFields.Title, PaperFields.Abstract, PaperFields.Keywords];

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly Dictionary<string, HashSet<string>> _terms;

    private AlertBatch(RAMDirectory directory, DirectoryReader reader, IReadOnlyDictionary<PaperId, Paper> papers, IReadOnlyDictionary<PaperId, int> positions)
    {
        _directory = directory;
        _reader = reader;
        Searcher = new IndexSearcher(reader);
        var count = reader.MaxDoc;
        Ids = new PaperId[count];
        DateTicks = new long[count];
        Upvotes = new int[count];
        Positions = new int[count];
        for (var doc = 0; doc < count; doc++)
        {
            var id = PaperId.Parse(reader.Document(doc, PaperFields.IdOnly).Get(PaperFields.Id, CultureInfo.InvariantCulture));
            var paper = papers[id];
            Ids[doc] = id;
            Positions[doc] = positions[id];
            DateTicks[doc] = paper.Date.UtcTicks;
            Upvotes[doc] = paper.Upvotes ?? 0; // as the index stores it
        }

        MinDateTicks = count == 0 ? 0 : DateTicks.Min();
        MaxDateTicks = count == 0 ? 0 : DateTicks.Max();
        MinUpvotes = count == 0 ? 0 : Upvotes.Min();
        MaxUpvotes = count == 0 ? 0 : Upvotes.Max();
        _terms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var field in (string[])[.. TextFields, PaperFields.Authors])
        {
            _terms[field] = ReadTerms(reader, field);
        }
    }

    public IndexSearcher Searcher { get; }

    /// <summary>The number of documents (papers).</summary>
    public int Count => Ids.Length;

    /// <summary>The length of a bit set of the documents, in 64-bit words.</summary>
    public int Words => (Count + 63) >> 6;

    /// <summary>The paper of each document.</summary>
    public PaperId[] Ids { get; }

    /// <summary>The position of each document's paper in the list the batch was opened with (its last, if listed twice).</summary>
    public int[] Positions { get; }

    /// <summary>The number of papers the batch was opened with, withdrawn ones and repeats included.</summary>
    public int PaperCount { get; private init; }

    /// <summary><see cref="Paper.Date"/> of each document, in UTC ticks.</summary>
    public long[] DateTicks { get; }

    /// <summary>Upvotes of each document (unknown counts as 0).</summary>
    public int[] Upvotes { get; }

    public long MinDateTicks { get; }

    public long MaxDateTicks { get; }

    public int MinUpvotes { get; }

    public int MaxUpvotes { get; }

    /// <summary>
    /// Indexes the papers that are not withdrawn (the last of several with the same id), or returns null
    /// when none is left.
    /// </summary>
    public static AlertBatch? Open(IReadOnlyList<Paper> papers, Analyzer analyzer)
    {
        var latest = new Dictionary<PaperId, Paper>(papers.Count);
        var positions = new Dictionary<PaperId, int>(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            latest[papers[i].Id] = papers[i];
            positions[papers[i].Id] = i;
        }

        var live = latest.Values.Where(p => !p.Withdrawn).ToDictionary(p => p.Id);
        if (live.Count == 0)
        {
            return null;
        }

        var directory = new RAMDirectory();
        try
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                // One segment for a batch of a few thousand papers: one set of postings to look terms up in.
                RAMBufferSizeMB = 256,
                // No compound file: the merge policy wants none for a segment that is the whole index, so ForceMerge(1)
                // rewrote the one flushed segment (half of Open's 100 MB allocated for 1,000 papers).
                UseCompoundFile = false,
            };
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var paper in live.Values)
                {
                    writer.AddDocument(Matched(paper));
                }

                writer.ForceMerge(1);
                writer.Commit();
            }

            return new AlertBatch(directory, DirectoryReader.Open(directory), live, positions) { PaperCount = papers.Count };
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    // What matching reads of the search index's document for the paper: the words of its text fields, indexed as the
    // search index indexes them but not stored (the batch never reads them back), and its stored id (the writer, not the
    // batch, decides the documents' order). Dates and upvotes are read from the papers.
    private static Document Matched(Paper paper)
    {
        var document = new Document();
        foreach (var field in PaperFields.ToDocument(paper).Fields)
        {
            switch (field.Name)
            {
                case PaperFields.Id:
                    document.Add(field);
                    break;
                case PaperFields.Title or PaperFields.Abstract or PaperFields.Authors or PaperFields.Keywords:
                    document.Add(new TextField(field.Name, field.GetStringValue(CultureInfo.InvariantCulture), Field.Store.NO));
                    break;
            }
        }

        return document;
    }

    /// <summary>Sets the bit of every document (and no bit past the last).</summary>
    public void FillAll(ulong[] bits)
    {
        Array.Fill(bits, ulong.MaxValue);
        if ((Count & 63) != 0)
        {
            bits[^1] = (1UL << (Count & 63)) - 1;
        }
    }

    /// <summary>True when every token occurs in <paramref name="field"/> somewhere in the batch.</summary>
    public bool HasAll(string field, string[] tokens)
    {
        var terms = _terms[field];
        foreach (var token in tokens)
        {
            if (!terms.Contains(token))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when one of title, abstract or keywords holds every token.</summary>
    public bool HasAllInOneTextField(string[] tokens)
    {
        foreach (var field in TextFields)
        {
            if (HasAll(field, tokens))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static HashSet<string> ReadTerms(IndexReader reader, string field)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return set;
        }

        var e = terms.GetEnumerator();
        while (e.MoveNext())
        {
            set.Add(e.Term.Utf8ToString());
        }

        return set;
    }
}
