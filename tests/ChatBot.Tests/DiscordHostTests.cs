using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Cli;
using ChatBot.Testing;
using NSec.Cryptography;
using Spectre.Console;

namespace ChatBot.Tests;

/// <summary>
/// The whole bot with Discord configured: the gateway worker connects to a fake gateway and
/// answers a slash command through the REST fake, and the signed HTTP endpoint is served on Urls.
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
        rest.Map("/api/v10/gateway/bot", _ => ScriptedResponse.Json(
            $$$"""{"url":"{{{gateway.Url}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}"""));
        rest.Map("/api/v10/applications/111/commands", _ => ScriptedResponse.Json("[]"));
        rest.Map("/api/v10/interactions/i1/itoken/callback", _ => ScriptedResponse.Status(204));
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var url = $"http://127.0.0.1:{FreePort()}";
        Set("Urls", url);
        Set("Discord__Token", Token);
        Set("Discord__ApplicationId", "111");
        Set("Discord__PublicKey", Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Set("Discord__ApiBaseUrl", new Uri(rest.BaseAddress, "api/v10").AbsoluteUri);
        Set("Sources__HuggingFace__Enabled", "false");
        using var output = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output) });
        using var stop = new CancellationTokenSource();
        var bot = Task.Run(() => ChatBotCli.RunAsync(["--data-dir", _data.Path], console, stop.Token));

        try
        {
            await gateway.WaitForFrameAsync(f => f.Op == 2, TimeSpan.FromSeconds(30));
            await WaitForReadyAsync(gateway);
            await gateway.PushDispatchAsync("INTERACTION_CREATE", Help("i1", "itoken"));
            var callback = await WaitForRequestAsync(rest, "/api/v10/interactions/i1/itoken/callback");

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            using var pong = await PostSignedAsync(http, key, """{"id":"p1","token":"t","type":1,"version":1}""");
            using var forged = await PostSignedAsync(http, key, """{"type":1}""", tamper: true);
            using var answer = await PostSignedAsync(http, key, Help("h1", "htoken").ToJsonString());

            var gatewayReply = JsonNode.Parse(callback.Body)!;
            Assert.Equal(4, gatewayReply["type"]!.GetValue<int>());
            Assert.Equal(64, gatewayReply["data"]!["flags"]!.GetValue<int>());
            Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            var httpReply = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            Assert.Equal(4, httpReply["type"]!.GetValue<int>());
            Assert.Contains("search", httpReply["data"]!.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(ChatBotCli.Success, await bot.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.DoesNotContain(Token, output.ToString(), StringComparison.Ordinal);
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

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, Key key, string body, bool tamper = false)
    {
        const string timestamp = "1700000000";
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(tamper ? body + " " : body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request);
    }

    private static async Task WaitForReadyAsync(FakeDiscordGateway gateway)
    {
        // READY goes out right after the identify; a heartbeat carrying seq 1 proves the client read it.
        await gateway.WaitForFrameAsync(f => f.Op == 1 && f.Data is not null, TimeSpan.FromSeconds(30));
    }

    private static async Task<RecordedRequest> WaitForRequestAsync(LoopbackHttpServer server, string path)
    {
        for (var count = 1; ; count++)
        {
            var requests = await server.WaitForRequestsAsync(count, TimeSpan.FromSeconds(30));
            if (requests.FirstOrDefault(r => r.Path == path) is { } hit)
            {
                return hit;
            }
        }
    }

    private void Set(string name, string value) => _environment.Set(name, value);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
