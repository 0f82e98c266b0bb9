using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Cli;
using ChatBot.Slack.Http;
using ChatBot.Testing;
using Spectre.Console;

namespace ChatBot.Tests;

/// <summary>
/// Alerts end to end on Slack: a user adds an alert with a signed slash command to the running bot;
/// a paper imported while the bot is down reaches them as a DM (conversations.open, then
/// chat.postMessage) on the next start, once, through the Slack Web API fake.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class AlertSlackHostTests : IDisposable
{
    private const string Secret = "alert-test-signing-secret";
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
        await using var slack = await LoopbackHttpServer.StartAsync();
        slack.Map("/api/conversations.open", _ => ScriptedResponse.Json("""{"ok":true,"channel":{"id":"D1"}}"""));
        slack.Map("/api/chat.postMessage", _ => ScriptedResponse.Json("""{"ok":true,"channel":"D1","ts":"1700000000.000001"}"""));
        var url = $"http://127.0.0.1:{FreePort()}";
        _environment.Set("Urls", url);
        _environment.Set("Slack__BotToken", "xoxb-alert-test");
        _environment.Set("Slack__SigningSecret", Secret);
        _environment.Set("Slack__ApiBaseUrl", new Uri(slack.BaseAddress, "api/").AbsoluteUri);
        _environment.Set("Sources__HuggingFace__Enabled", "false");

        // First run: the alert is added by a Slack user.
        await RunBotAsync(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var reply = await PostCommandAsync(http, "add quantum annealing");
            Assert.Contains("Alert 1 added", reply, StringComparison.Ordinal);
        });
        await File.WriteAllTextAsync(_data.File("new.json"), NewPaperJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);

        // Second and third runs: the alert worker sends the new paper, then nothing more.
        await RunBotAsync(() => WaitForPostAsync(slack));
        await RunBotAsync(() => Task.Delay(TimeSpan.FromSeconds(3)));

        var posts = slack.Requests.Where(r => r.Path == "/api/chat.postMessage").ToList();
        var message = JsonNode.Parse(Assert.Single(posts).Body)!;
        Assert.Equal("D1", message["channel"]!.GetValue<string>());
        Assert.Contains("Quantum annealing for protein folding", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("alert 1", message.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("U1", JsonNode.Parse(slack.Requests.First(r => r.Path == "/api/conversations.open").Body)!["users"]!.GetValue<string>());
    }

    private static async Task<string> PostCommandAsync(HttpClient http, string text)
    {
        var body = "command=%2Falerts&text=" + Uri.EscapeDataString(text) + "&user_id=U1&user_name=ada&team_id=T1&channel_id=C1&response_url="
            + Uri.EscapeDataString("http://127.0.0.1:9/unused") + "&trigger_id=t1";
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task WaitForPostAsync(LoopbackHttpServer slack)
    {
        for (var count = 1; ; count++)
        {
            var requests = await slack.WaitForRequestsAsync(count, TimeSpan.FromSeconds(60));
            if (requests.Any(r => r.Path == "/api/chat.postMessage"))
            {
                return;
            }
        }
    }

    private async Task RunBotAsync(Func<Task> whileRunning)
    {
        using var output = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output) });
        using var stop = new CancellationTokenSource();
        var bot = Task.Run(() => ChatBotCli.RunAsync(["--data-dir", _data.Path], console, stop.Token));
        try
        {
            await WaitUntilServingAsync(bot);
            await whileRunning();
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(ChatBotCli.Success, await bot.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.DoesNotContain("xoxb-alert-test", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilServingAsync(Task bot)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("Urls")!) };
        for (var i = 0; i < 300 && !bot.IsCompleted; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string NewPaperJson() => """
        [{"paper":{"id":"2611.09999","title":"Quantum annealing for protein folding","summary":"We fold proteins with quantum annealing hardware and compare it with classical solvers.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"Quantum annealing for protein folding","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
