using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ChatBot.Discord.Gateway;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// Whatever the gateway (or GET /gateway/bot) sends, the client never stops: a frame it cannot use is
/// skipped, a connection whose state it cannot know is closed and resumed, and the next command is
/// answered. Frame shape: https://discord.com/developers/docs/events/gateway-events#payload-structure
/// (op integer, d, s integer or null, t string or null).
/// </summary>
public sealed class GatewayRobustnessTests
{
    [Theory]
    [InlineData("""{"op":1.5,"d":null,"s":null,"t":null}""")]
    [InlineData("""{"op":"0","d":{},"s":null,"t":"GUILD_CREATE"}""")]
    [InlineData("""{"op":null}""")]
    [InlineData("""{"d":{}}""")]
    [InlineData("""{"op":0,"s":"9","t":"GUILD_CREATE","d":{}}""")]
    [InlineData("""{"op":0,"s":1e300,"t":"GUILD_CREATE","d":{}}""")]
    [InlineData("""{"op":0,"s":-3,"t":"GUILD_CREATE","d":{}}""")]
    [InlineData("""{"op":0,"s":null,"t":5,"d":{}}""")]
    [InlineData("""{"op":0,"s":null,"t":"INTERACTION_CREATE","d":[]}""")]
    [InlineData("""{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":5}}""")]
    [InlineData("""{"op":0,"s":null,"t":"READY","d":[]}""")]
    [InlineData("""{"op":10,"d":[]}""")]
    [InlineData("""{"op":99,"d":{}}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""42""")]
    public async Task A_malformed_frame_is_skipped_on_the_same_connection_and_the_next_command_is_answered(string frame)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("after");

        await harness.Gateway.SendRawAsync(frame);
        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Search("after", "diffusion"));
        await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("after"));

        Assert.False(harness.Running.IsCompleted, "the gateway client stopped");
        Assert.Single(harness.Gateway.Connections);
        Assert.Equal(1, harness.Search.Calls);
    }

    [Theory]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":1e300}}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":-5}}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":0}}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":"45000"}}""")]
    [InlineData("""{"op":10,"d":[]}""")]
    [InlineData("""{"op":10}""")]
    public async Task A_Hello_without_a_usable_heartbeat_interval_closes_that_connection_and_the_client_connects_again(string hello)
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.HelloFor = n => n == 1 ? hello : null);

        var identify = await harness.Gateway.WaitForFrameAsync(f => f.Op == 2);
        await harness.WaitForReadyAsync();

        Assert.Equal(2, identify.Connection);
        Assert.DoesNotContain(harness.Gateway.Frames, f => f.Connection == 1 && f.Op is 1 or 2);
        Assert.NotEqual(1000, harness.Gateway.Connections[0].ClientCloseCode);
        Assert.False(harness.Running.IsCompleted);
    }

    // GET /gateway/bot returns "the WSS URL": https://discord.com/developers/docs/events/gateway#connecting.
    [Theory]
    [InlineData("""{"url":"::not a url::","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}""")]
    [InlineData("""{"url":42,"shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}""")]
    [InlineData("""{"url":"https://127.0.0.1:1","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}""")]
    [InlineData("""{"url":"ws://gateway.example","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}""")]
    public async Task An_unusable_gateway_bot_answer_is_retried_and_does_not_stop_the_client(string answer)
    {
        await using var harness = await GatewayHarness.StartAsync(arrangeRest: (rest, _) => rest.Server.Enqueue(FakeDiscordRest.Api("gateway/bot"), ScriptedResponse.Json(answer)));

        await harness.WaitForReadyAsync();

        Assert.Equal(2, harness.RequestsTo(FakeDiscordRest.Api("gateway/bot")).Count);
        Assert.Contains(harness.ClientLog.Entries, e => e.EventId.Id == 3112);
    }

    [Fact]
    public async Task Malformed_session_start_limits_in_the_gateway_bot_answer_fall_back_to_safe_values()
    {
        await using var harness = await GatewayHarness.StartAsync(arrangeRest: (rest, gateway) => rest.Server.Enqueue(
            FakeDiscordRest.Api("gateway/bot"),
            ScriptedResponse.Json($$$"""{"url":"{{{gateway.Url}}}","shards":"one","session_start_limit":{"remaining":1e300,"reset_after":-1,"max_concurrency":[]}}""")));

        await harness.WaitForReadyAsync();

        Assert.Single(harness.RequestsTo(FakeDiscordRest.Api("gateway/bot")));
    }

    // READY's resume_gateway_url is where to resume (https://discord.com/developers/docs/events/gateway#preparing-to-resume);
    // one that is not a WebSocket URL the client may use is ignored and the session resumes on the gateway URL.
    [Theory]
    [InlineData("not a url")]
    [InlineData("https://127.0.0.1:1/")]
    [InlineData("ws://gateway.example/")]
    public async Task A_READY_whose_resume_gateway_url_is_unusable_resumes_on_the_gateway_url(string resumeUrl)
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.ResumeGatewayUrl = resumeUrl);
        await harness.WaitForReadyAsync();

        await harness.Gateway.SendOpAsync(7);
        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);

        Assert.Equal(2, resume.Connection);
        Assert.Equal("/", harness.Gateway.Connections[1].Path);
        Assert.False(harness.Running.IsCompleted);
    }

    [Fact]
    public async Task A_message_over_the_size_cap_closes_the_connection_and_the_client_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("after-big");

        var huge = new JsonObject { ["op"] = 0, ["t"] = "GUILD_CREATE", ["d"] = new JsonObject { ["padding"] = new string('x', 5 * 1024 * 1024) } };
        try
        {
            await harness.Gateway.SendRawAsync(huge.ToJsonString());
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or IOException or OperationCanceledException)
        {
            // The client may close before the whole message is out.
        }

        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);
        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Search("after-big", "x"));
        await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("after-big"));

        Assert.Equal(2, resume.Connection);
        Assert.NotEqual(1000, harness.Gateway.Connections[0].ClientCloseCode);
        Assert.Equal(4 * 1024 * 1024, new DiscordGatewaySettings().MaxMessageBytes);
    }

    [Fact]
    public async Task A_message_of_2_MiB_is_read()
    {
        // Heartbeats of 2 s: with the fakes' 200 ms, the ACK queued behind 2 MiB could come late and
        // the client would rightly take the connection for a zombie.
        await using var harness = await GatewayHarness.StartAsync(heartbeatMs: 2000);
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("big");
        var interaction = InteractionPayloads.Search("big", "x");
        interaction["padding"] = new string('x', 2 * 1024 * 1024);

        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", interaction);
        await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("big"));

        Assert.Single(harness.Gateway.Connections);
    }

    // A gateway URL must be wss:// when the API is https: https://discord.com/developers/docs/events/gateway#connecting.
    // ws:// is allowed only for a loopback gateway behind a loopback http API (tests).
    [Theory]
    [InlineData("wss://gateway.discord.gg", "https://discord.com/api/v10", true)]
    [InlineData("ws://gateway.discord.gg", "https://discord.com/api/v10", false)]
    [InlineData("ws://127.0.0.1:5000", "https://discord.com/api/v10", false)]
    [InlineData("https://gateway.discord.gg", "https://discord.com/api/v10", false)]
    [InlineData("ws://127.0.0.1:5000", "http://127.0.0.1:4000/api/v10", true)]
    [InlineData("ws://localhost:5000/resume", "http://localhost:4000/api/v10", true)]
    [InlineData("wss://127.0.0.1:5000", "http://127.0.0.1:4000/api/v10", true)]
    [InlineData("ws://gateway.discord.gg", "http://127.0.0.1:4000/api/v10", false)]
    public void Gateway_urls_must_use_tls_unless_the_api_and_the_gateway_are_on_loopback(string gateway, string api, bool allowed)
    {
        Assert.Equal(allowed, GatewayUrlPolicy.IsAllowed(new Uri(gateway), new Uri(api)));
    }
}
