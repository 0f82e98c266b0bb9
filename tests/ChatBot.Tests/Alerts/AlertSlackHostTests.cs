using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.Alerts;

/// <summary>
/// Alerts end to end on Slack: a user adds an alert with a signed slash command to the running bot;
/// a paper imported while the bot is down reaches them as a DM (conversations.open, then
/// chat.postMessage) on the next start, once, through the Slack Web API fake.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class AlertSlackHostTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_new_paper_matching_a_users_alert_arrives_once_by_direct_message()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await using var slack = await SlackAlertRun.StartAsync(_environment);

        // First run: the alert is added by a Slack user.
        await SlackAlertRun.RunAsync(_data.Path, async bot =>
        {
            var reply = await slack.CommandAsync(bot, "alerts", "add quantum annealing");
            Assert.Contains("Alert 1 added", reply, StringComparison.Ordinal);
        });
        await File.WriteAllTextAsync(_data.File("new.json"), NewPaperJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);

        // Second and third runs: the alert worker sends the new paper, then nothing more (once it has finished a tick).
        await SlackAlertRun.RunAsync(_data.Path, _ => slack.WaitForPostAsync());
        await SlackAlertRun.RunAsync(_data.Path, bot => bot.WaitForWorkerTicksAsync("alerts"));

        var message = JsonNode.Parse(Assert.Single(slack.Posts).Body)!;
        Assert.Equal("D1", message["channel"]!.GetValue<string>());
        Assert.Contains("Quantum annealing for protein folding", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("alert 1", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("U1", JsonNode.Parse(slack.Requests.First(r => r.Path == "/api/conversations.open").Body)!["users"]!.GetValue<string>());
        Assert.Empty(slack.ProtocolViolations);
    }

    private static string NewPaperJson() => """
        [{"paper":{"id":"2611.09999","title":"Quantum annealing for protein folding","summary":"We fold proteins with quantum annealing hardware and compare it with classical solvers.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"Quantum annealing for protein folding","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
