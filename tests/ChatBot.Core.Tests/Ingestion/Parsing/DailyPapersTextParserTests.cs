using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Ingestion.Parsing;

public sealed class DailyPapersTextParserTests
{
    private const string Origin = "page.txt";

    private const string AbstractA =
        "Transformers dominate sequence modelling. We show that a small change to layer normalization stabilises training at scale. Experiments on three benchmarks confirm the gain.";

    private const string AbstractB =
        "Vision transformers need large datasets. We propose a token-to-token scheme that models local structure. It trains from scratch on ImageNet and beats comparable convolutional networks.";

    private const string AbstractC =
        "Long sequences are costly for attention. We introduce a sparse pattern that keeps full information flow. The method matches dense attention at a fraction of the cost.";

    // ---- the format, block by block ----

    [Fact]
    public void A_block_gives_title_abstract_author_count_date_and_upvotes()
    {
        var content = Page(
            "new",                          // 1
            "",                             // 2
            "Daily Papers",                 // 3
            "Jul 15",                       // 4
            "",                             // 5
            "Alpha: A First Paper",         // 6
            "",                             // 7
            AbstractA,                      // 8
            "",                             // 9
            "  • 3 authors",                // 10
            "·",                            // 11
            "Feb 26, 2021 12");             // 12

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Empty(result.Rejections);
        var paper = Assert.Single(result.Papers);
        Assert.Equal(PaperId.FromTitle("Alpha: A First Paper"), paper.Id);
        Assert.Equal("Alpha: A First Paper", paper.Title);
        Assert.Equal(AbstractA, paper.Abstract);
        Assert.Equal(3, paper.AuthorCount);
        Assert.Equal(new DateTimeOffset(2021, 2, 26, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt);
        Assert.Equal(TimeSpan.Zero, paper.PublishedAt!.Value.Offset);
        Assert.Equal(12, paper.Upvotes);
        Assert.Equal([PaperSources.File], paper.Sources);
        Assert.Null(paper.ArxivId);
    }

    [Fact]
    public void A_date_line_without_a_count_leaves_upvotes_unknown_rather_than_zero()
    {
        var content = Page("Alpha: A First Paper", AbstractA, "  • 1 authors", "·", "Mar 30, 2025");

        var paper = Assert.Single(DailyPapersTextParser.Parse(content, Origin).Papers);

        Assert.Null(paper.Upvotes);
        Assert.Equal(1, paper.AuthorCount);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero), paper.PublishedAt);
    }

    [Fact]
    public void A_block_of_only_title_and_abstract_has_no_author_count_date_or_upvotes()
    {
        var paper = Assert.Single(DailyPapersTextParser.Parse(Page("Alpha: A First Paper", AbstractA), Origin).Papers);

        Assert.Null(paper.AuthorCount);
        Assert.Null(paper.PublishedAt);
        Assert.Null(paper.Upvotes);
    }

    [Fact]
    public void Blank_lines_between_parts_may_be_present_or_absent()
    {
        string[] blocks =
        [
            "Alpha: A First Paper", AbstractA, "  • 3 authors", "·", "Mar 30, 2025",
            "Beta: A Second Paper", AbstractB,
            "Gamma: A Third Paper", AbstractC, "  • 2 authors", "·", "May 19, 2025 2",
        ];
        var spaced = Page([.. blocks.SelectMany(line => new[] { line, "" })]);
        var packed = Page(blocks);

        var fromSpaced = DailyPapersTextParser.Parse(spaced, Origin);
        var fromPacked = DailyPapersTextParser.Parse(packed, Origin);

        Assert.Empty(fromSpaced.Rejections);
        Assert.Empty(fromPacked.Rejections);
        Assert.Equal(3, fromPacked.Papers.Count);
        Assert.Equal(fromSpaced.Papers.Select(Shape), fromPacked.Papers.Select(Shape));
    }

    [Fact]
    public void Page_headers_are_skipped_and_a_title_glued_to_Subscribe_is_freed()
    {
        var content = Page(
            "Get trending papers in your email inbox once a day!",
            "Get trending papers in your email inbox!",
            "SubscribeAlpha: A First Paper",
            AbstractA,
            "byAK and the research community",
            "Beta: A Second Paper",
            AbstractB);

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Empty(result.Rejections);
        Assert.Equal(["Alpha: A First Paper", "Beta: A Second Paper"], result.Papers.Select(p => p.Title));
    }

    [Fact]
    public void A_page_with_only_headers_gives_no_papers_and_no_rejections()
    {
        var content = Page(
            "new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "Daily Papers", "",
            "byAK and the research community", "", "Feb 5", "");

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Empty(result.Papers);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void An_empty_document_gives_no_papers_and_no_rejections()
    {
        var result = DailyPapersTextParser.Parse("", Origin);

        Assert.Empty(result.Papers);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Crlf_endings_a_byte_order_mark_and_trailing_spaces_read_like_plain_text_with_the_same_line_numbers()
    {
        string[] lines =
        [
            "Alpha: A First Paper   ",      // 1
            AbstractA + "  ",               // 2
            "  • 3 authors  ",              // 3
            "·  ",                          // 4
            "Mar 30, 2025 4   ",            // 5
            "Orphan: A Title Left Alone ",  // 6  (no abstract)
            "Beta: A Second Paper",         // 7
            AbstractB,                      // 8
        ];
        var plain = DailyPapersTextParser.Parse(string.Join("\n", lines.Select(l => l.TrimEnd())), Origin);

        var windows = DailyPapersTextParser.Parse("\uFEFF" + string.Join("\r\n", lines) + "\r\n", Origin);

        Assert.Equal(plain.Papers.Select(Shape), windows.Papers.Select(Shape));
        Assert.Equal(["Alpha: A First Paper", "Beta: A Second Paper"], windows.Papers.Select(p => p.Title));
        Assert.Equal(4, windows.Papers[0].Upvotes);
        Assert.Equal(6, Assert.Single(windows.Rejections).Line);
        Assert.Equal(plain.Rejections, windows.Rejections);
    }

    [Fact]
    public void Whitespace_inside_the_abstract_and_title_is_folded()
    {
        var content = Page("Alpha:\tA  First   Paper", "Transformers  dominate\tsequence modelling.   We show a small change. It works.");

        var paper = Assert.Single(DailyPapersTextParser.Parse(content, Origin).Papers);

        Assert.Equal("Alpha: A First Paper", paper.Title);
        Assert.Equal("Transformers dominate sequence modelling. We show a small change. It works.", paper.Abstract);
    }

    // ---- telling a title from an abstract ----

    [Fact]
    public void A_title_with_a_question_and_a_second_clause_is_still_a_title()
    {
        // A title from seed file 002 with a sentence break inside it.
        var content = Page("What learning algorithm is in-context learning? Investigations with linear models", AbstractA);

        var paper = Assert.Single(DailyPapersTextParser.Parse(content, Origin).Papers);

        Assert.Equal("What learning algorithm is in-context learning? Investigations with linear models", paper.Title);
        Assert.Equal(AbstractA, paper.Abstract);
    }

    [Fact]
    public void A_line_that_could_be_either_is_read_by_its_position()
    {
        // A long title (over 200 characters, one sentence) where a title is due, then a short
        // one-sentence abstract where an abstract is due: neither line settles it alone.
        var longTitle = "Beta: " + string.Join(' ', Enumerable.Repeat("Scalable Sparse Attention", 9));
        const string shortAbstract = "We report that sparse attention matches dense attention on long documents.";

        var result = DailyPapersTextParser.Parse(Page(longTitle, AbstractB, "Gamma: A Short Report", shortAbstract), Origin);

        Assert.Empty(result.Rejections);
        Assert.True(longTitle.Length > 200);
        Assert.Equal([longTitle, "Gamma: A Short Report"], result.Papers.Select(p => p.Title));
        Assert.Equal(shortAbstract, result.Papers[1].Abstract);
    }

    // ---- blocks that cannot be read ----

    [Fact]
    public void A_title_followed_by_another_title_is_rejected_at_its_line_and_the_papers_around_it_survive()
    {
        var content = Page(
            "Alpha: A First Paper",         // 1
            "",                             // 2
            AbstractA,                      // 3
            "",                             // 4
            "Orphan: A Title Left Alone",   // 5  <- no abstract
            "",                             // 6
            "Gamma: A Third Paper",         // 7
            "",                             // 8
            AbstractC);                     // 9

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Equal(["Alpha: A First Paper", "Gamma: A Third Paper"], result.Papers.Select(p => p.Title));
        Assert.Equal(AbstractC, result.Papers[1].Abstract);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(Origin, rejection.Origin);
        Assert.Equal(5, rejection.Line);
        Assert.Contains("no abstract", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("Orphan: A Title Left Alone", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_followed_by_its_author_count_is_rejected_as_having_no_abstract_and_its_date_is_skipped()
    {
        var content = Page(
            "Alpha: A First Paper",         // 1
            AbstractA,                      // 2
            "  • 3 authors",                // 3
            "·",                            // 4
            "Mar 30, 2025",                 // 5
            "Orphan: A Title Left Alone",   // 6  <- no abstract
            "  • 2 authors",                // 7
            "·",                            // 8
            "Apr 1, 2025 3",                // 9
            "Gamma: A Third Paper",         // 10
            AbstractC,                      // 11
            "  • 4 authors",                // 12
            "·",                            // 13
            "May 2, 2025");                 // 14

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Equal(["Alpha: A First Paper", "Gamma: A Third Paper"], result.Papers.Select(p => p.Title));
        Assert.Equal([3, 4], result.Papers.Select(p => p.AuthorCount ?? 0));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(6, rejection.Line);
        Assert.Contains("no abstract", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstract_without_a_title_is_rejected_at_its_line_with_its_trailing_lines_and_the_papers_around_it_survive()
    {
        var content = Page(
            "Alpha: A First Paper",         // 1
            "",                             // 2
            AbstractA,                      // 3
            "",                             // 4
            "  • 3 authors",                // 5
            "·",                            // 6
            "Mar 30, 2025",                 // 7
            "",                             // 8
            AbstractB,                      // 9  <- its title is missing
            "",                             // 10
            "  • 5 authors",                // 11
            "·",                            // 12
            "Apr 1, 2025",                  // 13
            "",                             // 14
            "Gamma: A Third Paper",         // 15
            "",                             // 16
            AbstractC);                     // 17

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Equal(["Alpha: A First Paper", "Gamma: A Third Paper"], result.Papers.Select(p => p.Title));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(9, rejection.Line);
        Assert.Contains("abstract with no title", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  • x authors", "Mar 30, 2025", "\"• x authors\" is not an author count")]
    [InlineData("  • authors", "Mar 30, 2025", "\"• authors\" is not an author count")]
    [InlineData("  • 3 authors", "Feb 30, 2021", "\"Feb 30, 2021\" is not a date")]
    [InlineData("  • 3 authors", "Foo 3, 2021", "\"Foo 3, 2021\" is not a date")]
    [InlineData("  • 3 authors", "Feb 26, 2021 many", "\"many\" after the date is not an upvote count")]
    public void A_block_with_an_unreadable_author_count_or_date_is_rejected_at_its_title_line(string authors, string date, string reason)
    {
        var content = Page(
            "Alpha: A First Paper",         // 1
            AbstractA,                      // 2
            "  • 3 authors",                // 3
            "·",                            // 4
            "Mar 30, 2025",                 // 5
            "",                             // 6
            "Beta: A Second Paper",         // 7  <- the bad block starts here
            "",                             // 8
            AbstractB,                      // 9
            "",                             // 10
            authors,                        // 11
            "·",                            // 12
            date,                           // 13
            "",                             // 14
            "Gamma: A Third Paper",         // 15
            AbstractC,                      // 16
            "  • 4 authors",                // 17
            "·",                            // 18
            "May 2, 2025 7");               // 19

        var result = DailyPapersTextParser.Parse(content, Origin);

        Assert.Equal(["Alpha: A First Paper", "Gamma: A Third Paper"], result.Papers.Select(p => p.Title));
        Assert.Equal(7, result.Papers[1].Upvotes);
        Assert.Equal(new Rejection(Origin, 7, reason), Assert.Single(result.Rejections));
    }

    [Fact]
    public void A_title_without_an_abstract_at_the_end_of_the_document_is_rejected()
    {
        var result = DailyPapersTextParser.Parse(Page("Alpha: A First Paper", AbstractA, "", "Beta: A Last Title", ""), Origin);

        Assert.Equal("Alpha: A First Paper", Assert.Single(result.Papers).Title);
        Assert.Equal(4, Assert.Single(result.Rejections).Line);
    }

    [Fact]
    public void A_title_with_no_letter_or_digit_is_rejected_with_its_abstract()
    {
        var result = DailyPapersTextParser.Parse(Page("— ... —", AbstractA, "Beta: A Second Paper", AbstractB), Origin);

        Assert.Equal("Beta: A Second Paper", Assert.Single(result.Papers).Title);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(1, rejection.Line);
        Assert.Contains("no letter or digit", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_line_with_no_paper_above_it_is_rejected_at_its_line()
    {
        var result = DailyPapersTextParser.Parse(Page("Alpha: A First Paper", AbstractA, "Mar 30, 2025", "Mar 31, 2025"), Origin);

        Assert.Single(result.Papers);
        Assert.Equal(4, Assert.Single(result.Rejections).Line);
    }

    // ---- the seed corpus (shared/seeds), checked against what the files show ----

    // Paper counts: every abstract is one line of 300+ characters and no other line is that long,
    // so `awk 'length($0) >= 300' FILE | wc -l` counts the papers: 68, 119, 79, 42. First and last
    // titles read with `head`/`tail` (in 001 the first title follows "Subscribe" on line 3).
    [Theory]
    [InlineData("000_", 68, "AdaFortiTran: An Adaptive Transformer Model for Robust OFDM Channel Estimation", "A ConvNet for the 2020s")]
    [InlineData("001_", 119, "CrossViT: Cross-Attention Multi-Scale Vision Transformer for Image Classification", "MonoFormer: One Transformer for Both Diffusion and Autoregression")]
    [InlineData("002_", 79, "GeoX: Geometric Problem Solving Through Unified Formalized Vision-Language Pre-training", "Combiner: Full Attention Transformer with Sparse Computation Cost")]
    [InlineData("003_", 42, "DiT4SR: Taming Diffusion Transformer for Real-World Image Super-Resolution", "FinalMLP: An Enhanced Two-Stream MLP Model for CTR Prediction")]
    public void Each_seed_file_yields_all_its_papers_with_no_rejections(string prefix, int count, string firstTitle, string lastTitle)
    {
        var result = ParseSeed(prefix);

        Assert.Empty(result.Rejections);
        Assert.Equal(count, result.Papers.Count);
        Assert.Equal(count, result.Papers.Select(p => p.Id).Distinct().Count());
        Assert.Equal(firstTitle, result.Papers[0].Title);
        Assert.Equal(lastTitle, result.Papers[^1].Title);
    }

    [Fact]
    public void Seed_file_001_frees_the_first_title_from_Subscribe()
    {
        var result = ParseSeed("001_");

        var first = result.Papers[0];
        Assert.Equal("CrossViT: Cross-Attention Multi-Scale Vision Transformer for Image Classification", first.Title);
        Assert.StartsWith("The recently developed vision transformer (ViT)", first.Abstract, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000_")]
    [InlineData("001_")]
    [InlineData("002_")]
    [InlineData("003_")]
    public void No_seed_paper_has_an_empty_abstract_or_page_furniture_in_its_title(string prefix)
    {
        var result = ParseSeed(prefix);

        string[] furniture = ["Subscribe", "Get trending papers", "byAK", "Daily Papers", "•", "·"];
        Assert.All(result.Papers, paper =>
        {
            Assert.True(paper.Abstract.Length >= 300, $"short abstract for '{paper.Title}'");
            Assert.DoesNotContain(furniture, f => paper.Title.Contains(f, StringComparison.Ordinal));
            Assert.True(paper.Title.Length < 200, $"title too long: '{paper.Title}'");
            Assert.Equal(PaperId.FromTitle(paper.Title), paper.Id);
            Assert.Equal([PaperSources.File], paper.Sources);
        });
    }

    [Theory]
    [InlineData("000_")]
    [InlineData("001_")]
    [InlineData("002_")]
    public void Seed_files_without_author_lines_give_no_author_counts_dates_or_upvotes(string prefix)
    {
        // `grep -c '•' FILE` is 0 for 000, 001 and 002: those pages show only titles and abstracts.
        var result = ParseSeed(prefix);

        Assert.All(result.Papers, paper =>
        {
            Assert.Null(paper.AuthorCount);
            Assert.Null(paper.PublishedAt);
            Assert.Null(paper.Upvotes);
        });
    }

    [Fact]
    public void Seed_file_003_papers_all_have_the_author_counts_and_dates_the_text_shows()
    {
        var result = ParseSeed("003_");

        // `grep -c '•'` and the date lines (`grep -cP '^[A-Z][a-z]{2} \d{1,2}, \d{4}'`) both count 42,
        // one per paper; the author counts sum to 240 (`grep -o '• [0-9]*' | awk '{s+=$2} END {print s}'`).
        Assert.All(result.Papers, paper =>
        {
            Assert.NotNull(paper.AuthorCount);
            Assert.NotNull(paper.PublishedAt);
            Assert.Equal(TimeSpan.Zero, paper.PublishedAt.Value.TimeOfDay);
        });
        Assert.Equal(240, result.Papers.Sum(p => p.AuthorCount ?? 0));

        // Lines 13-19 of the file.
        var first = result.Papers[0];
        Assert.Equal(9, first.AuthorCount);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Null(first.Upvotes);

        // Lines 341-347: the last block, "  • 6 authors", "Apr 3, 2023".
        var last = result.Papers[^1];
        Assert.Equal(6, last.AuthorCount);
        Assert.Equal(new DateTimeOffset(2023, 4, 3, 0, 0, 0, TimeSpan.Zero), last.PublishedAt);
    }

    [Fact]
    public void Seed_file_003_gives_upvotes_exactly_where_the_date_line_shows_a_count()
    {
        var result = ParseSeed("003_");

        // `grep -B6 -P '^[A-Z][a-z]{2} \d{1,2}, \d{4} \d+$'` shows five date lines with a count
        // (lines 179, 211, 227, 307 and 331) and the title six lines above each.
        var expected = new Dictionary<string, int>
        {
            ["Transformer in Transformer"] = 1,
            ["ATLAS: Learning to Optimally Memorize the Context at Test Time"] = 3,
            ["FIT: Far-reaching Interleaved Transformers"] = 2,
            ["StreamDiT: Real-Time Streaming Text-to-Video Generation"] = 5,
            ["Accelerate TarFlow Sampling with GS-Jacobi Iteration"] = 2,
        };
        var withUpvotes = result.Papers.Where(p => p.Upvotes is not null).ToDictionary(p => p.Title, p => p.Upvotes!.Value);

        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), withUpvotes.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(new DateTimeOffset(2021, 2, 26, 0, 0, 0, TimeSpan.Zero), result.Papers.Single(p => p.Title == "Transformer in Transformer").PublishedAt);
    }

    private static ParseResult ParseSeed(string prefix)
    {
        var path = SeedCorpus.Files.Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
        return DailyPapersTextParser.Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Paper is a record with list properties, which compare by reference: compare what the parser fills.</summary>
    private static string Shape(Paper paper) =>
        $"{paper.Id}|{paper.Title}|{paper.Abstract}|{paper.AuthorCount}|{paper.PublishedAt:O}|{paper.Upvotes}|{string.Join(',', paper.Sources)}";

    private static string Page(params string[] lines) => string.Join("\n", lines);
}
