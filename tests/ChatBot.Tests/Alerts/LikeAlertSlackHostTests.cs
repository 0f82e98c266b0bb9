using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.Alerts;

/// <summary>
/// Alerts by example end to end on Slack with the packaged model: a user adds <c>like:</c> and a seed paper's id with a
/// signed slash command; of two papers imported (and embedded) while the bot is down, the one close in meaning reaches
/// them on the next start as a DM (<c>conversations.open</c>, then <c>chat.postMessage</c> to the D… channel it returns,
/// PROTOCOLS.md 2.5) through the Web API fake, the unrelated one does not, and a third start sends nothing more.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class LikeAlertSlackHostTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_new_paper_close_to_the_alerts_paper_arrives_once_by_direct_message_and_an_unrelated_one_never()
    {
        _environment.Set("Embeddings__Enabled", "true");
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "reindex")).ExitCode);
        await using var slack = await SlackAlertRun.StartAsync(_environment);

        // First run: the alert is added by a Slack user, answered at once or (the model being slow) through response_url.
        await SlackAlertRun.RunAsync(_data.Path, async bot =>
        {
            var reply = await slack.CommandAsync(bot, "alerts", "add like:" + LikeAlertPapers.SourceId);
            Assert.Contains("Alert 1 added: papers like", reply, StringComparison.Ordinal);
        });
        await File.WriteAllTextAsync(_data.File("new.json"), LikeAlertPapers.NewPapersJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "reindex")).ExitCode);

        // Second run sends the close paper; the third sends nothing more, once its alert worker has finished a tick.
        await SlackAlertRun.RunAsync(_data.Path, _ => slack.WaitForPostAsync());
        await SlackAlertRun.RunAsync(_data.Path, bot => bot.WaitForWorkerTicksAsync("alerts"));

        // One message for the batch holding both papers: the close one is in it, the unrelated one is not.
        var message = JsonNode.Parse(Assert.Single(slack.Posts).Body)!;
        Assert.Equal("D1", message["channel"]!.GetValue<string>());
        Assert.Contains(LikeAlertPapers.Close, message.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(LikeAlertPapers.Unrelated, message.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("alert 1", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("U1", JsonNode.Parse(Assert.Single(slack.Requests, r => r.Path == "/api/conversations.open").Body)!["users"]!.GetValue<string>());
        Assert.Empty(slack.ProtocolViolations);
    }
}
