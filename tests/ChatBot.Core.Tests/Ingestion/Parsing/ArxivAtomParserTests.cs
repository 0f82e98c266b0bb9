using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;

namespace ChatBot.Core.Tests.Ingestion.Parsing;

public sealed class ArxivAtomParserTests
{
    private const string Origin = "http://export.arxiv.org/api/query?search_query=all:transformer";

    [Fact]
    public void An_entry_gives_id_title_abstract_authors_date_link_and_categories()
    {
        var paper = ParseFixture().Papers[0];

        Assert.Equal(PaperId.FromArxiv("2106.04554"), paper.Id);
        Assert.Equal("2106.04554", paper.ArxivId); // "http://arxiv.org/abs/2106.04554v3" without its version
        Assert.Equal("A Survey of Transformers", paper.Title);
        Assert.Equal(["Tianyang Lin", "Yuxin Wang", "Xiangyang Liu", "Xipeng Qiu"], paper.Authors);
        Assert.Equal(new DateTimeOffset(2021, 6, 8, 17, 59, 55, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(new Uri("https://arxiv.org/abs/2106.04554"), paper.Links.Arxiv);
        Assert.Equal([PaperSources.Arxiv], paper.Sources);
        Assert.Null(paper.Upvotes);
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_in_the_summary_fold_to_single_spaces()
    {
        var paper = ParseFixture().Papers[0];

        Assert.Equal(
            "Transformers have achieved great success in many artificial intelligence fields, such as natural language processing, computer vision, and audio processing. Therefore, it is natural to attract lots of interest from academic and industry researchers.",
            paper.Abstract);
    }

    [Fact]
    public void The_primary_category_comes_first_and_each_category_appears_once()
    {
        var paper = ParseFixture().Papers[0];

        Assert.Equal(["cs.LG", "cs.AI", "cs.CL"], paper.Keywords);
    }

    [Fact]
    public void Old_style_ids_are_read()
    {
        var paper = ParseFixture().Papers[1];

        Assert.Equal("cs/0101001", paper.ArxivId);
        Assert.Equal(new Uri("https://arxiv.org/abs/cs/0101001"), paper.Links.Arxiv);
        Assert.Equal(["cs.CC"], paper.Keywords);
    }

    [Fact]
    public void An_entry_whose_id_is_not_an_arxiv_id_is_rejected_at_its_line_and_the_others_survive()
    {
        var result = ParseFixture();

        Assert.Equal(2, result.Papers.Count);
        // The third <entry> of Fixtures/arxiv_query.atom opens on line 58 (`grep -n '<entry'`).
        Assert.Equal(
            new Rejection(Origin, 58, "entry 3: id \"http://example.org/not-an-arxiv-entry\" is not an arXiv id"),
            Assert.Single(result.Rejections));
    }

    [Fact]
    public void The_api_error_feed_is_one_rejection_quoting_its_summary()
    {
        var result = ArxivAtomParser.Parse(Fixture.Read("arxiv_error.atom"), Origin);

        Assert.Empty(result.Papers);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(10, rejection.Line);
        Assert.Equal("arXiv API error: \"incorrect id format for 1234.12345\"", rejection.Reason);
    }

    [Fact]
    public void Malformed_xml_is_one_rejection_at_the_line_of_the_fault()
    {
        const string xml = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <entry>\n    <title>Unclosed\n  </entry>\n</feed>";

        var result = ArxivAtomParser.Parse(xml, Origin);

        Assert.Empty(result.Papers);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(5, rejection.Line);
        Assert.StartsWith("malformed XML", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_and_no_entity_is_resolved()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>http://arxiv.org/abs/2106.04554v3</id><title>&secret;</title></entry>
            </feed>
            """;

        var result = ArxivAtomParser.Parse(xml, Origin);

        Assert.Empty(result.Papers);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.Contains("DTD", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_without_entries_gives_nothing()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <opensearch:totalResults>0</opensearch:totalResults>
            </feed>
            """;

        var result = ArxivAtomParser.Parse(xml, Origin);

        Assert.Empty(result.Papers);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Xml_that_is_not_an_atom_feed_is_one_rejection()
    {
        var result = ArxivAtomParser.Parse("<rss version=\"2.0\"><channel/></rss>", Origin);

        Assert.Empty(result.Papers);
        Assert.Equal("not an Atom feed: the root element is <rss>", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public void Entries_without_a_title_or_an_id_are_rejected_by_index()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>http://arxiv.org/abs/2106.04554v3</id><title> </title></entry>
              <entry><title>No id</title></entry>
            </feed>
            """;

        var result = ArxivAtomParser.Parse(xml, Origin);

        Assert.Empty(result.Papers);
        Assert.Equal(
            [new Rejection(Origin, 2, "entry 1 (2106.04554): no title"), new Rejection(Origin, 3, "entry 2: no id")],
            result.Rejections);
    }

    [Fact]
    public void A_published_time_with_an_offset_is_read_as_utc()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>http://arxiv.org/abs/2106.04554v3</id><title>T</title><published>2021-06-08T13:59:55-04:00</published></entry>
            </feed>
            """;

        var paper = Assert.Single(ArxivAtomParser.Parse(xml, Origin).Papers);

        Assert.Equal(new DateTimeOffset(2021, 6, 8, 17, 59, 55, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(TimeSpan.Zero, paper.PublishedAt!.Value.Offset);
    }

    private static ParseResult ParseFixture() => ArxivAtomParser.Parse(Fixture.Read("arxiv_query.atom"), Origin);
}
