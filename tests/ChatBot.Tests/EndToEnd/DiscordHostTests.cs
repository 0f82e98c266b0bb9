using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Testing;
using NSec.Cryptography;

namespace ChatBot.Tests.EndToEnd;

/// <summary>
/// The whole bot with Discord configured: the gateway worker connects to a fake gateway and
/// answers a slash command through the REST fake, and the signed HTTP endpoint is served on Urls.
/// The fakes check what Discord checks; every test ends with no protocol violation.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DiscordHostTests : IDisposable
{
    private const string Token = "host-test-token-not-for-logs";

    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task With_a_token_and_a_public_key_the_bot_answers_on_the_gateway_and_on_the_signed_endpoint()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscord.Connect(_environment, rest, gateway, Token);
        rest.Map("/api/v10/interactions/i1/itoken/callback", _ => ScriptedResponse.Status(204));
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        _environment.Set("Discord__PublicKey", Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));

        await RunningBot.RunAsync(_data.Path, Token, async bot =>
        {
            await gateway.WaitForFrameAsync(f => f.Op == 2, TimeSpan.FromSeconds(30));
            await WaitForReadyAsync(gateway);
            await gateway.PushDispatchAsync("INTERACTION_CREATE", Help("i1", "itoken"));
            var callback = await WaitForRequestAsync(rest, "/api/v10/interactions/i1/itoken/callback");

            using var http = new HttpClient { BaseAddress = bot.Url };
            using var pong = await PostSignedAsync(http, key, """{"id":"p1","token":"t","type":1,"version":1}""");
            using var forged = await PostSignedAsync(http, key, """{"type":1}""", tamper: true);
            using var answer = await PostSignedAsync(http, key, Help("h1", "htoken").ToJsonString());
            using var stale = await PostSignedAsync(http, key, """{"id":"p2","token":"t","type":1,"version":1}""", signedAt: TimeProvider.System.GetUtcNow().AddMinutes(-10));
            await rest.WaitForRequestAsync(r => r.Method == "PUT" && r.Path == "/api/v10/applications/111/commands", TimeSpan.FromSeconds(30));

            var gatewayReply = JsonNode.Parse(callback.Body)!;
            Assert.Equal(4, gatewayReply["type"]!.GetValue<int>());
            Assert.Equal(64, gatewayReply["data"]!["flags"]!.GetValue<int>());
            Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            var httpReply = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            Assert.Equal(4, httpReply["type"]!.GetValue<int>());
            Assert.Contains("search", httpReply["data"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
            Assert.Equal(["papers", "papers-admin", "alerts"], api.Commands.Registered().Select(c => c!["name"]!.GetValue<string>()));
        });

        Assert.Empty(gateway.ProtocolViolations);
        Assert.Empty(api.ProtocolViolations);
    }

    // Measured before issue 14: a dispatch with op 1.5, a Hello with heartbeat_interval 1e300 and a
    // GET /gateway/bot url that is not a URL each stopped the bot with exit code 1. Now the bot skips
    // or reconnects, answers the next command and exits 0 when stopped.
    [Fact]
    public async Task Malformed_gateway_frames_and_a_malformed_gateway_url_do_not_stop_the_bot()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscord.Connect(_environment, rest, gateway, Token);
        rest.Enqueue("/api/v10/gateway/bot", ScriptedResponse.Json("""{"url":"::not a url::","shards":1}"""));
        rest.Map("/api/v10/interactions/i2/itoken2/callback", _ => ScriptedResponse.Status(204));
        gateway.HelloFor = connection => connection == 2 ? """{"op":10,"d":{"heartbeat_interval":1e300}}""" : null;

        await RunningBot.RunAsync(_data.Path, Token, async bot =>
        {
            await WaitForReadyAsync(gateway);
            await gateway.SendRawAsync("""{"op":1.5,"d":null,"s":null,"t":null}""");
            await gateway.SendOpAsync(7); // the next connection's Hello is the malformed one
            await gateway.WaitForFrameAsync(f => f.Op == 6 && f.Connection == 3, TimeSpan.FromSeconds(30));
            await gateway.PushDispatchAsync("INTERACTION_CREATE", Help("i2", "itoken2"));
            await WaitForRequestAsync(rest, "/api/v10/interactions/i2/itoken2/callback");

            using var http = new HttpClient { BaseAddress = bot.Url };
            await Poll.UntilAsync(async () => await DiscordCheckAsync(http) == "Healthy", TimeSpan.FromSeconds(30), () => "the Discord health check to be Healthy");
        });

        Assert.Empty(gateway.ProtocolViolations);
        Assert.Empty(api.ProtocolViolations);
    }

    private static JsonObject Help(string id, string token) => new()
    {
        ["id"] = id,
        ["application_id"] = "111",
        ["type"] = 2,
        ["token"] = token,
        ["version"] = 1,
        ["channel_id"] = "c1",
        ["user"] = new JsonObject { ["id"] = "u1", ["username"] = "ada" },
        ["data"] = new JsonObject
        {
            ["id"] = "cmd",
            ["name"] = "papers",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "help", ["type"] = 1 }),
        },
    };

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, Key key, string body, bool tamper = false, DateTimeOffset? signedAt = null)
    {
        // Discord stamps each request with the time it was sent; one more than 5 minutes off is refused.
        var timestamp = (signedAt ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(tamper ? body + " " : body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request);
    }

    /// <summary>The status of the <c>discord</c> check in /readyz.</summary>
    private static async Task<string?> DiscordCheckAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["checks"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == "discord")?["status"]?.GetValue<string>();
    }

    private static async Task WaitForReadyAsync(FakeDiscordGateway gateway)
    {
        // READY goes out right after the identify; a heartbeat carrying seq 1 proves the client read it.
        await gateway.WaitForFrameAsync(f => f.Op == 1 && f.Data is not null, TimeSpan.FromSeconds(30));
    }

    private static Task<RecordedRequest> WaitForRequestAsync(LoopbackHttpServer server, string path) =>
        server.WaitForRequestAsync(r => r.Path == path, TimeSpan.FromSeconds(30));
}
