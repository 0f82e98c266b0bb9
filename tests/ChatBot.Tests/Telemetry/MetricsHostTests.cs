using System.Net;
using ChatBot.Testing;

namespace ChatBot.Tests.Telemetry;

/// <summary>
/// <c>GET /metrics</c> on the running bot: after signed Slack slash commands, the Prometheus text counts each
/// command by name and outcome and has its latency histogram; a paper file dropped in the inbox before the start
/// is counted as ingested.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class MetricsHostTests : IDisposable
{
    private const string BotToken = "xoxb-metrics-test";
    private const string Secret = "metrics-test-signing-secret";
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Metrics_count_the_commands_answered_with_their_latency_and_the_papers_ingested()
    {
        _environment.Set("Slack__BotToken", BotToken);
        _environment.Set("Slack__SigningSecret", Secret);
        _environment.Set("Slack__ApiBaseUrl", "http://127.0.0.1:9/api/");
        var inbox = Directory.CreateDirectory(Path.Combine(_data.Path, "inbox")).FullName;
        var paper = Path.Combine(inbox, "paper.json");
        await File.WriteAllTextAsync(paper, PaperJson());
        // Older than the inbox's settle time, so the first ingest tick takes it.
        File.SetLastWriteTimeUtc(paper, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1));

        await RunningBot.RunAsync(_data.Path, BotToken, async bot =>
        {
            using var http = new HttpClient { BaseAddress = bot.Url };
            var ingested = await ScrapeUntilAsync(http, "chatbot_papers_ingested_total{source=\"inbox\",change=\"new\"} 1");
            Assert.Contains("# TYPE chatbot_papers_ingested_total counter", ingested, StringComparison.Ordinal);

            await PostCommandAsync(http, "help");
            await PostCommandAsync(http, "help");
            await PostCommandAsync(http, "serch annealing");
            var text = await ScrapeAsync(http);

            Assert.Contains("# TYPE chatbot_commands_total counter\n", text, StringComparison.Ordinal);
            Assert.Contains("chatbot_commands_total{command=\"papers help\",outcome=\"ok\"} 2\n", text, StringComparison.Ordinal);
            Assert.Contains("chatbot_commands_total{command=\"unknown\",outcome=\"user_error\"} 1\n", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE chatbot_command_duration_seconds histogram\n", text, StringComparison.Ordinal);
            Assert.Contains("chatbot_command_duration_seconds_count{command=\"papers help\"} 2\n", text, StringComparison.Ordinal);
            Assert.Contains("chatbot_command_duration_seconds_bucket{command=\"papers help\",le=\"10\"} 2\n", text, StringComparison.Ordinal);
            Assert.Contains("chatbot_command_duration_seconds_bucket{command=\"papers help\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE process_cpu_seconds_total counter\n", text, StringComparison.Ordinal);
            // Only the bot's own meter: not ASP.NET Core's, Kestrel's or HttpClient's.
            Assert.DoesNotContain("kestrel", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http_server", text, StringComparison.Ordinal);
        });
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient http, string line)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = await ScrapeAsync(http);
            if (text.Contains(line + "\n", StringComparison.Ordinal) || attempt == 150)
            {
                Assert.Contains(line + "\n", text, StringComparison.Ordinal);
                return text;
            }

            await Task.Delay(200);
        }
    }

    private static Task<string> PostCommandAsync(HttpClient http, string text) => SlackSlashCommand.PostAsync(http, Secret, "papers", text);

    private static string PaperJson() => """
        [{"paper":{"id":"2611.08888","title":"Counting what the bot does","summary":"We export counters and histograms of a chat bot to Prometheus.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"Counting what the bot does","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
