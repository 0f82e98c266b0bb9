using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;

namespace ChatBot.Core.Tests.Ingestion.Parsing;

public sealed class HuggingFaceDailyJsonParserTests
{
    private const string Origin = "https://huggingface.co/api/daily_papers?date=2025-07-15";

    [Fact]
    public void An_item_with_every_optional_field_fills_every_paper_field()
    {
        var result = ParseFixture();

        var paper = result.Papers.Single(p => p.ArxivId == "2507.10524");
        Assert.Equal(PaperId.FromArxiv("2507.10524"), paper.Id);
        Assert.Equal("Recursive Mixtures: Adaptive Token-Level Computation for Transformers", paper.Title);
        Assert.Equal(
            "Scaling language models unlocks impressive capabilities, but the accompanying computational and memory demands make both training and deployment expensive. We introduce recursive mixtures, which reuse a shared stack of layers across recursion steps.",
            paper.Abstract);
        Assert.Equal(["Ada Example", "Grace Sample", "Alan Placeholder"], paper.Authors); // the empty name is skipped
        Assert.Equal(new DateTimeOffset(2025, 7, 14, 17, 59, 58, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 12, 34, 56, 789, TimeSpan.Zero), paper.ListedAt);
        Assert.Equal(42, paper.Upvotes);
        Assert.Equal(3, paper.Comments);
        Assert.Equal(new Uri("https://arxiv.org/abs/2507.10524"), paper.Links.Arxiv);
        Assert.Equal(new Uri("https://huggingface.co/papers/2507.10524"), paper.Links.HuggingFace);
        Assert.Equal(new Uri("https://github.com/example-lab/recursive-mixtures"), paper.Links.Code);
        Assert.Equal(new Uri("https://recursive-mixtures.example.org/"), paper.Links.Project);
        Assert.Equal("Recursive mixtures reuse shared layers with token-level routing to cut compute.", paper.Summary);
        Assert.Equal(["recursive transformers", "token-level routing", "parameter sharing", "KV caching"], paper.Keywords);
        Assert.Equal(145, paper.GithubStars);
        Assert.False(paper.Withdrawn); // "withdrawnAt": null
        Assert.Equal([PaperSources.HuggingFace], paper.Sources);
    }

    [Fact]
    public void Timestamps_with_and_without_fractional_seconds_and_at_midnight_are_read_as_utc()
    {
        var papers = ParseFixture().Papers.ToDictionary(p => p.ArxivId!);

        Assert.Equal(new DateTimeOffset(2025, 7, 15, 12, 34, 56, 789, TimeSpan.Zero), papers["2507.10524"].ListedAt);
        Assert.Equal(new DateTimeOffset(2025, 7, 13, 9, 15, 0, TimeSpan.Zero), papers["2507.09876"].PublishedAt);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero), papers["2507.08765"].PublishedAt);
        Assert.All(papers.Values, p => Assert.Equal(TimeSpan.Zero, p.PublishedAt!.Value.Offset));
    }

    [Fact]
    public void A_withdrawn_paper_is_kept_and_marked_withdrawn()
    {
        var paper = ParseFixture().Papers.Single(p => p.ArxivId == "2507.09876");

        Assert.True(paper.Withdrawn);
        Assert.Equal("A Result That Did Not Hold", paper.Title);
        Assert.Equal(0, paper.Upvotes);
    }

    [Fact]
    public void Listed_at_falls_back_to_submitted_on_daily_at_when_the_item_has_no_published_at()
    {
        var paper = ParseFixture().Papers.Single(p => p.ArxivId == "2507.09876");

        Assert.Equal(new DateTimeOffset(2025, 7, 15, 6, 0, 1, TimeSpan.Zero), paper.ListedAt);
    }

    [Fact]
    public void Links_that_are_not_absolute_http_urls_are_ignored()
    {
        var paper = ParseFixture().Papers.Single(p => p.ArxivId == "2507.09876");

        Assert.Null(paper.Links.Code);    // "github.com/example-lab/no-scheme"
        Assert.Null(paper.Links.Project); // "not a url"
        Assert.NotNull(paper.Links.Arxiv);
    }

    [Fact]
    public void Title_and_abstract_fall_back_to_the_item_and_keywords_are_kept_once()
    {
        var paper = ParseFixture().Papers.Single(p => p.ArxivId == "2507.08765");

        Assert.Equal("Needles in Visual Haystacks: a Long-Context Benchmark", paper.Title);
        Assert.Equal("We build a benchmark of long-context retrieval for vision-language models.", paper.Abstract);
        Assert.Equal(["long-context retrieval", "vision-language models", "benchmark"], paper.Keywords);
        Assert.Equal(["Keyword Person", "Second Person"], paper.Authors);
        Assert.Null(paper.GithubStars);
        Assert.Null(paper.Links.Code);
    }

    [Fact]
    public void An_item_without_a_paper_id_is_rejected_naming_the_item_and_the_others_survive()
    {
        var result = ParseFixture();

        Assert.Equal(["2507.10524", "2507.09876", "2507.08765"], result.Papers.Select(p => p.ArxivId));
        // The fourth item opens on line 108 of Fixtures/daily_papers.json (`grep -n '^  {'`).
        Assert.Equal(new Rejection(Origin, 108, "item 4: no paper id"), Assert.Single(result.Rejections));
    }

    [Fact]
    public void An_item_without_a_title_is_rejected()
    {
        const string json = """
            [
              { "paper": { "id": "2507.00001", "title": "Kept" } },
              { "paper": { "id": "2507.00002", "title": "   " }, "title": null }
            ]
            """;

        var result = HuggingFaceDailyJsonParser.Parse(json, Origin);

        Assert.Equal("Kept", Assert.Single(result.Papers).Title);
        Assert.Equal(new Rejection(Origin, 3, "item 2 (2507.00002): no title"), Assert.Single(result.Rejections));
    }

    [Fact]
    public void An_id_that_is_not_an_arxiv_id_is_rejected_and_versions_are_dropped()
    {
        const string json = """[{ "paper": { "id": "not-an-id", "title": "A" } }, { "paper": { "id": "2507.10524v2", "title": "B" } }]""";

        var result = HuggingFaceDailyJsonParser.Parse(json, Origin);

        Assert.Equal("2507.10524", Assert.Single(result.Papers).ArxivId);
        Assert.Equal("item 1: paper id \"not-an-id\" is not an arXiv id", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public void Values_of_unexpected_types_are_unknown_and_never_throw()
    {
        const string json = """
            [{
              "paper": {
                "id": "2507.10524", "title": "Odd Types", "summary": 12, "authors": null,
                "upvotes": "12", "githubStars": 1.5, "githubRepo": 7, "projectPage": ["x"],
                "ai_keywords": "not a list", "ai_summary": {}, "publishedAt": "yesterday",
                "withdrawnAt": null
              },
              "publishedAt": 20250715, "numComments": "three", "thumbnail": null
            }]
            """;

        var paper = Assert.Single(HuggingFaceDailyJsonParser.Parse(json, Origin).Papers);

        Assert.Equal("Odd Types", paper.Title);
        Assert.Equal("", paper.Abstract);
        Assert.Empty(paper.Authors);
        Assert.Null(paper.Upvotes);
        Assert.Null(paper.GithubStars);
        Assert.Null(paper.Links.Code);
        Assert.Null(paper.Links.Project);
        Assert.Empty(paper.Keywords);
        Assert.Null(paper.Summary);
        Assert.Null(paper.PublishedAt);
        Assert.Null(paper.ListedAt);
        Assert.Null(paper.Comments);
        Assert.False(paper.Withdrawn);
    }

    [Fact]
    public void Items_that_are_not_objects_are_rejected_at_their_line()
    {
        const string json = "[\n  42,\n  null,\n  { \"paper\": { \"id\": \"2507.10524\", \"title\": \"Kept\" } }\n]";

        var result = HuggingFaceDailyJsonParser.Parse(json, Origin);

        Assert.Single(result.Papers);
        Assert.Equal([2, 3], result.Rejections.Select(r => r.Line ?? 0));
        Assert.StartsWith("item 1: not an object", result.Rejections[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_one_rejection_at_the_line_of_the_fault()
    {
        const string json = "[\n  { \"paper\": { \"id\": \"2507.10524\", \"title\": \"Kept\" } },\n  { \"paper\": { \"id\": \"2507.10525\", \"title\": oops } }\n]";

        var result = HuggingFaceDailyJsonParser.Parse(json, Origin);

        Assert.Empty(result.Papers);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.StartsWith("invalid JSON", rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_document_is_one_rejection()
    {
        var fixture = Fixture.Read("daily_papers.json");

        var result = HuggingFaceDailyJsonParser.Parse(fixture[..(fixture.Length / 2)], Origin);

        Assert.Empty(result.Papers);
        Assert.StartsWith("invalid JSON", Assert.Single(result.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_object_is_one_rejection_quoting_the_error()
    {
        var result = HuggingFaceDailyJsonParser.Parse("""{"error":"Invalid date: 2025-13-45"}""", Origin);

        Assert.Empty(result.Papers);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(Origin, rejection.Origin);
        Assert.Equal("Hugging Face returned an error: \"Invalid date: 2025-13-45\"", rejection.Reason);
    }

    [Fact]
    public void An_object_that_is_not_an_error_is_one_rejection()
    {
        var result = HuggingFaceDailyJsonParser.Parse("""{"papers":[]}""", Origin);

        Assert.Empty(result.Papers);
        Assert.Contains("expected a JSON array", Assert.Single(result.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_array_gives_nothing()
    {
        var result = HuggingFaceDailyJsonParser.Parse(" [ ] ", Origin);

        Assert.Empty(result.Papers);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_endings_are_accepted()
    {
        var fixture = Fixture.Read("daily_papers.json").Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = HuggingFaceDailyJsonParser.Parse("\uFEFF" + fixture, Origin);

        Assert.Equal(3, result.Papers.Count);
        Assert.Equal(108, Assert.Single(result.Rejections).Line);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(61)]
    [InlineData(1000)]
    public void Reading_in_small_blocks_gives_what_reading_at_once_gives(int chunkBytes)
    {
        var fixture = Fixture.Read("daily_papers.json");
        var atOnce = HuggingFaceDailyJsonParser.Parse(fixture, Origin, chunkBytes: 1 << 20);

        var inBlocks = HuggingFaceDailyJsonParser.Parse(fixture, Origin, chunkBytes);

        Assert.Equal(3, atOnce.Papers.Count);
        Assert.Equal(atOnce.Papers.Select(Shape), inBlocks.Papers.Select(Shape));
        Assert.Equal(atOnce.Rejections, inBlocks.Rejections);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    public void Characters_of_several_bytes_survive_a_block_boundary(int chunkBytes)
    {
        const string json = """[{"paper":{"id":"2507.00001","title":"🤗 Scaling via μP — naïve “quotes” 😀😀"}}]""";

        var paper = Assert.Single(HuggingFaceDailyJsonParser.Parse(json, Origin, chunkBytes).Papers);

        Assert.Equal("🤗 Scaling via μP — naïve “quotes” 😀😀", paper.Title);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1 << 20)]
    public void The_line_of_invalid_json_does_not_depend_on_the_block_size(int chunkBytes)
    {
        var json = Fixture.Read("daily_papers.json").Replace("\"upvotes\": 7,", "\"upvotes\": 7 oops,", StringComparison.Ordinal);

        var rejection = Assert.Single(HuggingFaceDailyJsonParser.Parse(json, Origin, chunkBytes).Rejections);

        // "upvotes": 7 is on line 95 of Fixtures/daily_papers.json (`grep -n '"upvotes": 7,'`).
        Assert.Equal(95, rejection.Line);
    }

    /// <summary>Paper is a record with list properties, which compare by reference: compare what the parser fills.</summary>
    private static string Shape(Paper p) => string.Join(
        " | ",
        p.Id, p.ArxivId, p.Title, p.Abstract, string.Join(";", p.Authors), p.PublishedAt?.ToString("O", null), p.ListedAt?.ToString("O", null),
        p.Upvotes, p.Comments, p.Links, string.Join(";", p.Keywords), p.Summary, p.GithubStars, p.Withdrawn, string.Join(";", p.Sources));

    private static ParseResult ParseFixture() => HuggingFaceDailyJsonParser.Parse(Fixture.Read("daily_papers.json"), Origin);
}
