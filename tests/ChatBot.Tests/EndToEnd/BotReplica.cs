using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Testing;
using ChatBot.Tests.Health;

namespace ChatBot.Tests.EndToEnd;

/// <summary>
/// One bot process of several on one database, with its own data directory, HTTP port, Discord gateway fake and REST
/// fake (so what each process sent is known by process; Discord itself would be one API, and the counts over all
/// replicas are what it would see).
/// </summary>
internal sealed class BotReplica : IAsyncDisposable
{
    private BotReplica(int index, TempDirectory data, FakeDiscordGateway gateway, FakeDiscordRestApi api, Uri url)
    {
        Index = index;
        Data = data;
        Gateway = gateway;
        Api = api;
        Url = url;
    }

    public int Index { get; }

    public TempDirectory Data { get; }

    public FakeDiscordGateway Gateway { get; }

    public FakeDiscordRestApi Api { get; }

    public LoopbackHttpServer Rest => Api.Server;

    public Uri Url { get; }

    public BotProcess? Bot { get; private set; }

    public static async Task<BotReplica> CreateAsync(int index, string token, string applicationId)
    {
        // Heartbeats every second: the test runs past a minute, and Discord allows 120 frames a minute. Three bots on a
        // shared machine may heartbeat late by more than the usual second; timing is not what this test is about.
        var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 1000);
        gateway.HeartbeatGrace = TimeSpan.FromSeconds(5);
        gateway.ExpectedToken = token;
        var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscordRestApi.Attach(rest, applicationId);
        api.MapGatewayBot(gateway.Url);
        return new BotReplica(index, new TempDirectory(), gateway, api, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"));
    }

    /// <summary>Starts the process with the shared settings plus this replica's Discord fakes and port.</summary>
    public void Start(IReadOnlyDictionary<string, string?> shared, string token, string applicationId)
    {
        var environment = new Dictionary<string, string?>(shared)
        {
            ["Urls"] = Url.AbsoluteUri.TrimEnd('/'),
            ["Discord__Token"] = token,
            ["Discord__ApplicationId"] = applicationId,
            ["Discord__ApiBaseUrl"] = Api.ApiBaseUrl.AbsoluteUri,
        };
        Bot = BotProcess.Start(["--data-dir", Data.Path], environment);
    }

    /// <summary>The description of the <c>leadership</c> check at /readyz, or null while the process does not answer.</summary>
    public async Task<string?> LeadershipAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return body["checks"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == "leadership")?["description"]?.GetValue<string>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Waits until the process serves /readyz with 200 (its gateway connected, its index current).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Url };
        await HealthPoll.UntilAsync(http, "/readyz", r => r.Status == HttpStatusCode.OK);
    }

    /// <summary>
    /// Pushes a <c>/papers search</c> interaction on this replica's gateway and returns everything Discord got for it
    /// (the callback, and the deferred answer's edit when there is one) once an answer naming something arrived.
    /// </summary>
    public async Task<string> SearchAsync(string id, string query)
    {
        var token = "tok-" + id;
        Rest.Map($"/api/v10/interactions/{id}/{token}/callback", _ => ScriptedResponse.Status(204));
        Rest.Map($"/api/v10/webhooks/111/{token}/messages/@original", _ => ScriptedResponse.Json("""{"id":"orig"}"""));
        await Gateway.PushDispatchAsync("INTERACTION_CREATE", Interaction(id, token, "search", query));
        var callback = await Rest.WaitForRequestAsync(r => r.Path == $"/api/v10/interactions/{id}/{token}/callback", TimeSpan.FromSeconds(30));
        if (JsonNode.Parse(callback.Body)!["type"]!.GetValue<int>() == 5)
        {
            await Rest.WaitForRequestAsync(r => r.Path.Contains(token + "/messages/@original", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }

        return string.Join("\n", Rest.Requests.Where(r => r.Path.Contains(token, StringComparison.Ordinal)).Select(r => r.Body));
    }

    /// <summary>A <c>/papers</c> command as Discord sends it, from user u1 in channel c1.</summary>
    public static JsonObject Interaction(string id, string token, string subcommand, string? query = null)
    {
        var options = new JsonObject { ["name"] = subcommand, ["type"] = 1 };
        if (query is not null)
        {
            options["options"] = new JsonArray(new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = query });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = "111",
            ["type"] = 2,
            ["token"] = token,
            ["version"] = 1,
            ["channel_id"] = "c1",
            ["user"] = new JsonObject { ["id"] = "u1", ["username"] = "ada" },
            ["data"] = new JsonObject { ["id"] = "cmd", ["name"] = "papers", ["type"] = 1, ["options"] = new JsonArray(options) },
        };
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"replica {Index}:\n{Bot?.Output}");

    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        await Rest.DisposeAsync();
        Data.Dispose();
    }
}
