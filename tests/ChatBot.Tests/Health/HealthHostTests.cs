using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Cli;
using ChatBot.Hosting;
using ChatBot.Testing;

namespace ChatBot.Tests.Health;

/// <summary>
/// /healthz and /readyz on the running bot with Discord configured: ready (each check named) once the
/// gateway session is up; not ready, naming the gateway and why, after Discord refuses the token;
/// alive throughout.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class HealthHostTests : IDisposable
{
    private const string Token = "health-test-token";
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Readiness_names_each_check_and_turns_503_when_the_gateway_is_refused_while_liveness_stays_200()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        FakeDiscord.Connect(_environment, rest, gateway, Token);

        await RunningBot.RunAsync(_data.Path, Token, async bot =>
        {
            using var http = new HttpClient { BaseAddress = bot.Url };
            var ready = await HealthPoll.UntilAsync(http, "/readyz", r => r.Status == HttpStatusCode.OK);
            var readyVerb = await CliRunner.RunAsync("healthcheck", "--ready");
            await gateway.CloseAsync(4004);
            var refused = await HealthPoll.UntilAsync(http, "/readyz", r => r.Status == HttpStatusCode.ServiceUnavailable);
            var alive = await HealthPoll.GetAsync(http, "/healthz");
            var (aliveExit, _) = await CliRunner.RunAsync("healthcheck");
            var (refusedExit, _) = await CliRunner.RunAsync("healthcheck", "--ready");

            Assert.Equal(0, readyVerb.ExitCode);
            Assert.StartsWith("200 {\"status\":\"Healthy\"", readyVerb.Output, StringComparison.Ordinal);
            Assert.Equal(0, aliveExit);
            Assert.Equal(1, refusedExit);

            Assert.Equal("Healthy", ready.Body["status"]!.GetValue<string>());
            Assert.Equal(["database", "discord", "embeddings", "ingest", "search-index", "workers"], Checks(ready.Body).Keys.Order(StringComparer.Ordinal));
            Assert.All(Checks(ready.Body).Values, c => Assert.Equal("Healthy", c["status"]!.GetValue<string>()));
            Assert.Equal("Discord gateway: 1 connection open", Checks(ready.Body)["discord"]["description"]!.GetValue<string>());
            Assert.Equal("Unhealthy", Checks(refused.Body)["discord"]["status"]!.GetValue<string>());
            Assert.Contains("4004", Checks(refused.Body)["discord"]["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Healthy", Checks(refused.Body)["database"]["status"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, alive.Status);
            Assert.Equal("Healthy", alive.Body["status"]!.GetValue<string>());
        });
    }

    private static Dictionary<string, JsonNode> Checks(JsonNode body) =>
        body["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!, StringComparer.Ordinal);

    [Fact]
    public async Task The_healthcheck_verb_fails_when_nothing_answers()
    {
        _environment.Set("Urls", $"http://127.0.0.1:{LoopbackPort.Free()}");

        var (exitCode, output) = await CliRunner.RunAsync("healthcheck");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Not answering: http://127.0.0.1:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:80;https://*:443", "http://127.0.0.1/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/")]
    public void The_healthcheck_verb_asks_the_first_listen_address_on_loopback(string urls, string asked)
    {
        Assert.Equal(asked, ListenAddresses.LocalUrl(ListenAddresses.Split(urls))!.AbsoluteUri);
    }
}
