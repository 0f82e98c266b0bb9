using ChatBot.Core.Commands;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Papers;

/// <summary>
/// Where paper text becomes what replies show (cards, snippets, show, the daily thread's summaries), LaTeX reads
/// as plain text; Discord, Slack and the console render these same cards, so each gets it.
/// </summary>
public sealed class ReadablePaperTextTests
{
    private static readonly Paper Mamba = TestPapers.Arxiv("2401.09417", @"Vision \textbf{Mamba}: $O(n)$ attention-free backbones") with
    {
        Abstract = @"Transformers cost $O(n^2)$ in the sequence length~\cite{vaswani2017}. We propose \emph{Vision Mamba}, "
            + @"which is 2.8$\times$ faster and saves 86.8\% GPU memory -- see Fig.~\ref{fig:speed}.",
        Summary = @"\textbf{Vim} replaces attention with bidirectional state space models.",
    };

    [Fact]
    public void A_card_shows_the_title_abstract_and_summary_as_plain_text_and_keeps_the_rest_as_stored()
    {
        var card = new PaperCard(Mamba, CardDetail.Full);

        Assert.Equal("Vision Mamba: O(n) attention-free backbones", card.Paper.Title);
        Assert.Equal("Transformers cost O(n\u00b2) in the sequence length. We propose Vision Mamba, which is 2.8\u00d7 faster and saves 86.8% GPU memory \u2013 see Fig..", card.Paper.Abstract);
        Assert.Equal("Vim replaces attention with bidirectional state space models.", card.Paper.Summary);
        Assert.Equal((Mamba.Id, Mamba.ArxivId, Mamba.Links), (card.Paper.Id, card.Paper.ArxivId, card.Paper.Links));
    }

    [Fact]
    public void A_search_snippet_is_cut_from_the_readable_abstract()
    {
        var query = new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Any, "memory", false))] };

        var snippet = SearchSnippet.For(Mamba.Abstract, query);

        Assert.Contains("saves 86.8% GPU memory", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void The_daily_thread_summary_of_a_paper_reads_as_plain_text()
    {
        var reply = DailyThreadMessages.Paper(new TrendingResult(Mamba, 1, 10, TimeSpan.FromDays(1), "+10 upvotes"), 1);

        var card = Assert.Single(reply.Papers);
        Assert.Equal("Vim replaces attention with bidirectional state space models.", card.Context);
        Assert.Equal("Vision Mamba: O(n) attention-free backbones", card.Paper.Title);
    }
}
