using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.Alerts;

/// <summary>
/// Alerts by example end to end on Discord with the packaged model: a user adds <c>like:</c> and a seed paper's title
/// over the fake gateway; of two papers imported (and embedded) while the bot is down, the one close in meaning reaches
/// them by DM on the next start and the unrelated one does not, and a third start sends nothing more.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class LikeAlertDiscordHostTests : IDisposable
{
    private const string Token = "like-alert-discord-token-not-for-logs";
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
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscord.Connect(_environment, rest, gateway, Token);
        rest.Map("/api/v10/interactions/a1/atoken/callback", _ => ScriptedResponse.Status(204));
        rest.Map("/api/v10/webhooks/111/atoken/messages/@original", _ => ScriptedResponse.Json("""{"id":"o1","channel_id":"c1"}"""));
        rest.Map("/api/v10/users/@me/channels", _ => ScriptedResponse.Json("""{"id":"888","type":1}"""));
        rest.Map("/api/v10/channels/888/messages", _ => ScriptedResponse.Json("""{"id":"dm1","channel_id":"888"}"""));

        await DiscordAlertRun.RunAsync(_data.Path, Token, gateway, async _ =>
        {
            await gateway.PushDispatchAsync("INTERACTION_CREATE", DiscordAlertRun.AddAlert("like:" + LikeAlertPapers.Source));
            var answer = await DiscordAlertRun.WaitForAsync(rest, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
            if (JsonNode.Parse(answer.Body)!["type"]!.GetValue<int>() == 5)
            {
                answer = await DiscordAlertRun.WaitForAsync(rest, r => r.Path.EndsWith("/@original", StringComparison.Ordinal));
            }

            Assert.Contains("Alert 1 added: papers like", answer.Body, StringComparison.Ordinal);
        });
        await File.WriteAllTextAsync(_data.File("new.json"), LikeAlertPapers.NewPapersJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "reindex")).ExitCode);

        await DiscordAlertRun.RunAsync(_data.Path, Token, gateway, _ => DiscordAlertRun.WaitForAsync(rest, r => r.Path == "/api/v10/channels/888/messages"));
        await DiscordAlertRun.RunAsync(_data.Path, Token, gateway, bot => bot.WaitForWorkerTicksAsync("alerts"));

        // One message for the batch holding both papers: the close one is in it, the unrelated one is not.
        var message = Assert.Single(rest.Requests, r => r.Path == "/api/v10/channels/888/messages").Body;
        Assert.Contains(LikeAlertPapers.Close, message, StringComparison.Ordinal);
        Assert.DoesNotContain(LikeAlertPapers.Unrelated, message, StringComparison.Ordinal);
        Assert.Contains("alert 1", message, StringComparison.Ordinal);
        Assert.Empty(api.ProtocolViolations);
        Assert.Empty(gateway.ProtocolViolations);
    }
}
