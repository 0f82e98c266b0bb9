using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>
/// <c>ask</c> runs one command through the real host (database, index, router, console rendering)
/// against the imported seed corpus, as a person would from a shell.
/// </summary>
public sealed class AskCommandTests(SeededDataDirectory data) : IClassFixture<SeededDataDirectory>
{
    [Fact]
    public async Task Searching_ranks_papers_about_the_words_first_and_shows_a_snippet_and_a_more_action()
    {
        var (exitCode, output) = await Ask("/papers search time series forecasting");

        Assert.True(exitCode == 0, output);
        Assert.Contains("for \u201ctime series forecasting\u201d", output, StringComparison.Ordinal);
        var first = ResultLines(output)[0];
        Assert.Contains("time", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1\u20135 of", output, StringComparison.Ordinal);
        Assert.Contains("More results: /papers search time series forecasting --limit 5 --page 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_page_continues_where_the_first_ended()
    {
        var (_, first) = await Ask("/papers search transformer --limit 3");
        var (exitCode, second) = await Ask("/papers search transformer --limit 3 --page 2");

        Assert.Equal(0, exitCode);
        Assert.Contains("4\u20136 of", second, StringComparison.Ordinal);
        Assert.Empty(ResultLines(first).Intersect(ResultLines(second).Select(l => l.Replace("4. ", "1. ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_query_with_a_mistake_says_what_and_where_and_exits_with_1()
    {
        var (exitCode, output) = await Ask("/papers search autor:hinton");

        Assert.Equal(1, exitCode);
        Assert.Contains("did you mean 'author:'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_accepts_a_title_and_prints_the_paper_in_full()
    {
        var (exitCode, output) = await Ask("/papers show Peri-LN: Revisiting Layer Normalization in the Transformer Architecture");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Designing Transformer architectures with the optimal layer normalization", output, StringComparison.Ordinal);
        Assert.Contains("Similar papers: /papers similar title:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_paper_is_a_clear_error()
    {
        var (exitCode, output) = await Ask("/papers show 9912.99999");

        Assert.Equal(1, exitCode);
        Assert.Contains("No paper '9912.99999' is in the database", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_to_a_transformer_paper_lists_other_transformer_papers()
    {
        var (exitCode, output) = await Ask("/papers similar Peri-LN: Revisiting Layer Normalization in the Transformer Architecture --limit 5");

        Assert.True(exitCode == 0, output);
        var results = ResultLines(output);
        Assert.Equal(5, results.Count);
        Assert.DoesNotContain(results, l => l.Contains("Peri-LN", StringComparison.Ordinal));
        Assert.True(results.Count(l => l.Contains("Transformer", StringComparison.OrdinalIgnoreCase)) >= 2, output);
    }

    [Fact]
    public async Task Help_lists_every_command_with_examples()
    {
        var (exitCode, output) = await Ask("help");

        Assert.Equal(0, exitCode);
        foreach (var subcommand in new[] { "search", "trending", "show", "similar", "help" })
        {
            Assert.Contains($"/papers {subcommand}", output, StringComparison.Ordinal);
        }

        Assert.Contains("e.g. /papers search", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flag_is_refused_without_running_anything()
    {
        var (exitCode, output) = await Ask("/papers search x --limt 3");

        Assert.Equal(1, exitCode);
        Assert.Contains("has no option --limt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_alert_previews_what_it_would_have_caught_this_week()
    {
        var (exitCode, output) = await Ask("/alerts add \"time series\" forecasting");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"Alert \d+ added: “""time series"" forecasting”", output);
        Assert.Matches(@"It would have matched \d+ papers of the last 7 days; the best 3:", output);
        Assert.Contains("1. ", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> Ask(string command) =>
        CliRunner.RunAsync("--data-dir", data.Path, "ask", command);

    // Result lines start with their rank: "1. Title".
    private static List<string> ResultLines(string output) =>
        [.. output.Split('\n').Where(l => l.Length > 2 && char.IsDigit(l[0]) && l.Contains(". ", StringComparison.Ordinal) && !l.Contains('\u2013'))];
}
