using ChatBot.Core.Papers;

namespace ChatBot.Core.Tests.Papers;

public sealed class PaperTextTests
{
    private static Paper Paper(params string[] authors) => new() { Id = PaperId.FromArxiv("2106.04554"), ArxivId = "2106.04554", Title = "T", Authors = authors };

    [Fact]
    public void Long_author_lists_name_the_first_three_and_count_the_rest()
    {
        Assert.Equal("A, B, C and 2 more", PaperText.Authors(Paper("A", "B", "C", "D", "E")));
        Assert.Equal("A, B", PaperText.Authors(Paper("A", "B")));
    }

    [Fact]
    public void Only_a_count_of_authors_is_said_as_a_count()
    {
        Assert.Equal("12 authors", PaperText.Authors(Paper() with { AuthorCount = 12 }));
        Assert.Equal("1 author", PaperText.Authors(Paper() with { AuthorCount = 1 }));
        Assert.Null(PaperText.Authors(Paper()));
    }

    [Fact]
    public void The_primary_link_of_an_arxiv_paper_is_its_hugging_face_page()
    {
        Assert.Equal("https://huggingface.co/papers/2106.04554", PaperText.PrimaryLink(Paper())!.AbsoluteUri);
    }

    [Fact]
    public void All_links_include_arxiv_and_hugging_face_derived_from_the_id()
    {
        var links = PaperText.AllLinks(Paper() with { Links = new PaperLinks(Code: new Uri("https://github.com/x/y")) });

        Assert.Equal(["arXiv", "Hugging Face", "Code"], links.Select(l => l.Label));
        Assert.Equal("https://arxiv.org/abs/2106.04554", links[0].Url.AbsoluteUri);
    }

    [Fact]
    public void Folding_cuts_at_a_word_boundary_and_marks_the_cut()
    {
        var folded = PaperText.Fold("alpha beta gamma delta epsilon zeta eta theta", 20);

        Assert.True(folded.Length <= 20, folded);
        Assert.EndsWith("\u2026", folded, StringComparison.Ordinal);
        Assert.StartsWith("alpha beta gamma", folded, StringComparison.Ordinal);
    }

    [Fact]
    public void Folding_prefers_the_end_of_a_sentence_near_the_limit()
    {
        var folded = PaperText.Fold("We study forecasting at scale. Then we do many more things here.", 40);

        Assert.Equal("We study forecasting at scale. \u2026", folded);
    }

    [Fact]
    public void Short_text_is_left_alone_but_whitespace_is_collapsed()
    {
        Assert.Equal("a b c", PaperText.Fold("a \n b\t c", 100));
    }
}
