using System.Text.Json.Nodes;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using ChatBot.Tests.Alerts;

namespace ChatBot.Tests.Semantic;

/// <summary>
/// Similar papers end to end on Slack with the packaged model: <c>/papers similar</c> as a signed slash command answers
/// with vector neighbours, first the paper the test itself finds closest in meaning, one keywords do not put first.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SimilarPapersSlackHostTests : IDisposable
{
    /// <summary>About network intrusion detection, a word its nearest neighbour in meaning (cybersecurity of smart grids) never uses.</summary>
    internal const string SourceId = "title:flowtransformer-a-transformer-framework-for-flow-based-network-intrusion-detection-systems";

    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Similar_papers_put_first_the_paper_closest_in_meaning_where_keywords_put_another()
    {
        _environment.Set("Embeddings__Enabled", "true");
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "reindex")).ExitCode);
        var (byMeaning, byWords) = await ClosestPaper.FindAsync(_data.Path, PaperId.Parse(SourceId));
        Assert.NotEqual(byWords, byMeaning);
        await using var slack = await SlackAlertRun.StartAsync(_environment);

        var reply = "";
        await SlackAlertRun.RunAsync(_data.Path, async bot => reply = await slack.CommandAsync(bot, "papers", "similar " + SourceId + " --limit 3"));

        var blocks = JsonNode.Parse(reply)!["blocks"]!.AsArray();
        Assert.EndsWith(", closest in meaning first", blocks[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var first = blocks.Select(b => b!["text"]?["text"]?.GetValue<string>() ?? "").First(t => t.StartsWith("1. ", StringComparison.Ordinal));
        Assert.Contains(byMeaning, first, StringComparison.Ordinal);
        Assert.Empty(slack.ProtocolViolations);
    }
}
