using System.Globalization;
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

    /// <summary>Upvotes (unknown counts as 0), indexed for range filters.</summary>
    public const string Upvotes = "upvotes";

    /// <summary>Upvotes as doc values for sorting.</summary>
    public const string UpvotesSort = "upvotes_sort";

    /// <summary>Only the id is read back for a hit; the rest stays on disk.</summary>
    public static readonly ISet<string> IdOnly = new HashSet<string>(StringComparer.Ordinal) { Id };

    public static Term IdTerm(PaperId id) => new(Id, id.Value);

    public static Term SequenceTerm(long sequence) => new(Sequence, sequence.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The paper's index document. Title, abstract and summary are indexed as they read (<see cref="LatexText"/>):
    /// <c>\textbf{Mamba}</c> is found as <c>mamba</c>, and markup such as <c>textbf</c> or <c>mathcal</c> is no word.
    /// </summary>
    public static Document ToDocument(Paper paper)
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
            new Int32Field(Upvotes, upvotes, Field.Store.NO),
            new NumericDocValuesField(UpvotesSort, upvotes),
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
}
