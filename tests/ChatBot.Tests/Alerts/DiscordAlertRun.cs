using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.Alerts;

/// <summary>The Discord side of the alert host tests: a bot run against the gateway fake, and the <c>/alerts add</c> interaction.</summary>
internal static class DiscordAlertRun
{
    /// <summary>Runs the bot on <paramref name="dataPath"/> until <paramref name="whileRunning"/> is done, once this run identified and heartbeat with a sequence (it read READY).</summary>
    public static async Task RunAsync(string dataPath, string token, FakeDiscordGateway gateway, Func<RunningBot, Task> whileRunning)
    {
        var connections = gateway.Connections.Count;
        await RunningBot.RunAsync(dataPath, token, async bot =>
        {
            var connection = await gateway.WaitForConnectionAsync(connections + 1, TimeSpan.FromSeconds(60));
            await gateway.WaitForFrameAsync(f => f.Connection == connection.Number && f.Op == 1 && f.Data is not null, TimeSpan.FromSeconds(30));
            await whileRunning(bot);
        });
    }

    public static Task<RecordedRequest> WaitForAsync(LoopbackHttpServer server, Func<RecordedRequest, bool> match) =>
        server.WaitForRequestAsync(match, TimeSpan.FromSeconds(60));

    public static JsonObject AddAlert(string query) => new()
    {
        ["id"] = "a1",
        ["application_id"] = "111",
        ["type"] = 2,
        ["token"] = "atoken",
        ["version"] = 1,
        ["channel_id"] = "c1",
        ["user"] = new JsonObject { ["id"] = "u1", ["username"] = "ada" },
        ["data"] = new JsonObject
        {
            ["id"] = "cmd",
            ["name"] = "alerts",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = "add",
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = query }),
            }),
        },
    };
}
