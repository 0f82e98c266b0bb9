using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.Alerts;

/// <summary>
/// Alerts end to end on Discord: a user adds an alert with a slash command over the fake gateway
/// and gets a private answer; a paper imported while the bot is down reaches them on the next
/// start as a DM (open the DM channel, then post to it) through the REST fake, once.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class AlertDiscordHostTests : IDisposable
{
    private const string Token = "alert-discord-token-not-for-logs";
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
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscord.Connect(_environment, rest, gateway, Token);
        rest.Map("/api/v10/interactions/a1/atoken/callback", _ => ScriptedResponse.Status(204));
        rest.Map("/api/v10/webhooks/111/atoken/messages/@original", _ => ScriptedResponse.Json("""{"id":"o1","channel_id":"c1"}"""));
        rest.Map("/api/v10/users/@me/channels", _ => ScriptedResponse.Json("""{"id":"888","type":1}"""));
        rest.Map("/api/v10/channels/888/messages", _ => ScriptedResponse.Json("""{"id":"dm1","channel_id":"888"}"""));

        // First run: the user adds an alert; the answer is private, whether sent at once or after a deferral.
        await DiscordAlertRun.RunAsync(_data.Path, Token, gateway, async _ =>
        {
            await gateway.PushDispatchAsync("INTERACTION_CREATE", DiscordAlertRun.AddAlert("quantum annealing"));
            var answer = await DiscordAlertRun.WaitForAsync(rest, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
            var callback = JsonNode.Parse(answer.Body)!;
            Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
            if (callback["type"]!.GetValue<int>() == 5)
            {
                answer = await DiscordAlertRun.WaitForAsync(rest, r => r.Path.EndsWith("/@original", StringComparison.Ordinal));
            }

            Assert.Contains("Alert 1 added", answer.Body, StringComparison.Ordinal);
        });
        await File.WriteAllTextAsync(_data.File("new.json"), NewPaperJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);

        // Second run sends the paper; the third sends nothing more, once its alert worker has finished a tick.
        await DiscordAlertRun.RunAsync(_data.Path, Token, gateway, _ => DiscordAlertRun.WaitForAsync(rest, r => r.Path == "/api/v10/channels/888/messages"));
        await DiscordAlertRun.RunAsync(_data.Path, Token, gateway, bot => bot.WaitForWorkerTicksAsync("alerts"));

        var dms = rest.Requests.Where(r => r.Path == "/api/v10/channels/888/messages").ToList();
        var message = JsonNode.Parse(Assert.Single(dms).Body)!;
        Assert.Contains("Quantum annealing for protein folding", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("alert 1", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("[]", message["allowed_mentions"]!["parse"]!.ToJsonString());
        var open = JsonNode.Parse(rest.Requests.First(r => r.Path == "/api/v10/users/@me/channels").Body)!;
        Assert.Equal("u1", open["recipient_id"]!.GetValue<string>());
        Assert.Empty(api.ProtocolViolations);
        Assert.Empty(gateway.ProtocolViolations);
    }

    private static string NewPaperJson() => """
        [{"paper":{"id":"2611.09999","title":"Quantum annealing for protein folding","summary":"We fold proteins with quantum annealing hardware and compare it with classical solvers.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"Quantum annealing for protein folding","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
