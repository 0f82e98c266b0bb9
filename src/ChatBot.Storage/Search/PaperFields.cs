using System.Globalization;
using ChatBot.Core.Hashing;
using ChatBot.Core.Papers;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace ChatBot.Storage.Search;

/// <summary>The fields of a paper's index document, and how a paper becomes one.</summary>
internal static class PaperFields
{
    /// <summary>The paper id (not analysed, stored): what a hit resolves to.</summary>
    public const string Id = "id";

    /// <summary>The store's sequence number (not analysed): stays when a title-keyed paper is re-keyed.</summary>
    public const string Sequence = "sequence";

    public const string Title = "title";

    /// <summary>The abstract and, as a second value, Hugging Face's summary.</summary>
    public const string Abstract = "abstract";

    public const string Authors = "authors";

    public const string Keywords = "keywords";

    /// <summary><see cref="Paper.Date"/> in UTC ticks, indexed for range filters.</summary>
    public const string Date = "date";

    /// <summary><see cref="Paper.Date"/> in UTC ticks, as doc values for sorting.</summary>
    public const string DateSort = "date_sort";

    /// <summary>
    /// Upvotes (unknown counts as 0) as doc values, read by the <c>upvotes:</c> filter and <c>sort:top</c>. Only doc
    /// values: a changed count is updated in place (<see cref="Lucene.Net.Index.IndexWriter.UpdateNumericDocValue"/>),
    /// without analysing the paper again. (Indexes written before hold a stale indexed <c>upvotes</c> field no query reads.)
    /// </summary>
    public const string UpvotesSort = "upvotes_sort";

    /// <summary>
    /// A fingerprint (doc values) of everything indexed but the upvotes (<see cref="ContentHash(Paper)"/>): when a
    /// changed paper's fingerprint matches its entry's, only the upvote count changed.
    /// </summary>
    public const string Content = "content_hash";

    /// <summary>Only the id is read back for a hit; the rest stays on disk.</summary>
    public static readonly ISet<string> IdOnly = new HashSet<string>(StringComparer.Ordinal) { Id };

    public static Term IdTerm(PaperId id) => new(Id, id.Value);

    public static Term SequenceTerm(long sequence) => new(Sequence, sequence.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The paper's index document. Title, abstract and summary are indexed as they read (<see cref="LatexText"/>):
    /// <c>\textbf{Mamba}</c> is found as <c>mamba</c>, and markup such as <c>textbf</c> or <c>mathcal</c> is no word.
    /// </summary>
    public static Document ToDocument(Paper paper) => ToDocument(paper, ContentHash(paper));

    /// <summary>The paper's index document, with its <see cref="ContentHash(Paper)"/> computed already.</summary>
    public static Document ToDocument(Paper paper, long content)
    {
        paper = PaperText.Readable(paper);
        var date = paper.Date.UtcTicks;
        var upvotes = paper.Upvotes ?? 0;
        var document = new Document
        {
            new StringField(Id, paper.Id.Value, Field.Store.YES),
            new StringField(Sequence, paper.Sequence.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new TextField(Title, paper.Title, Field.Store.YES),
            new TextField(Abstract, paper.Abstract, Field.Store.YES),
            new Int64Field(Date, date, Field.Store.NO),
            new NumericDocValuesField(DateSort, date),
            new NumericDocValuesField(UpvotesSort, upvotes),
            new NumericDocValuesField(Content, content),
        };
        if (!string.IsNullOrWhiteSpace(paper.Summary))
        {
            document.Add(new TextField(Abstract, paper.Summary, Field.Store.YES));
        }

        foreach (var author in paper.Authors)
        {
            document.Add(new TextField(Authors, author, Field.Store.NO));
        }

        foreach (var keyword in paper.Keywords)
        {
            document.Add(new TextField(Keywords, keyword, Field.Store.NO));
        }

        return document;
    }

    /// <summary>
    /// A hash of what <see cref="ToDocument(Paper)"/> indexes apart from the upvotes, never 0 (the value of an entry
    /// written without one), so an entry from before it existed never counts as unchanged.
    /// </summary>
    public static long ContentHash(Paper paper)
    {
        var hash = new Fnv1a();
        hash.Add(paper.Id.Value);
        hash.Add(paper.Sequence);
        hash.Add(paper.Title);
        hash.Add(paper.Abstract);
        hash.Add(string.IsNullOrWhiteSpace(paper.Summary) ? null : paper.Summary);
        hash.Add(paper.Date.UtcTicks);
        hash.Add(paper.Authors.Count);
        foreach (var author in paper.Authors)
        {
            hash.Add(author);
        }

        hash.Add(paper.Keywords.Count);
        foreach (var keyword in paper.Keywords)
        {
            hash.Add(keyword);
        }

        return (long)(hash.Value | 1);
    }
}
