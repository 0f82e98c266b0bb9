using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientTests
{
    [Fact]
    public async Task The_client_identifies_with_intents_0_and_its_shard_then_heartbeats_with_the_last_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync();

        var identify = await harness.Gateway.WaitForFrameAsync(f => f.Op == 2);
        await harness.WaitForReadyAsync();
        var heartbeat = await harness.Gateway.WaitForFrameAsync(f => f.Op == 1 && f.Data is not null);

        var data = identify.Data!.AsObject();
        Assert.Equal(0, data["intents"]!.GetValue<int>());
        Assert.Equal(GatewayHarness.Token, data["token"]!.GetValue<string>());
        Assert.Equal("[0,1]", data["shard"]!.ToJsonString());
        Assert.Equal("ChatBot", data["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("?v=10&encoding=json", harness.Gateway.Connections[0].QueryString);
        Assert.Equal(1, heartbeat.Data!.GetValue<long>());
    }

    [Fact]
    public async Task A_slash_command_from_the_gateway_reaches_the_router_and_is_answered_with_a_message_callback()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("i1");

        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Search("i1", "diffusion"));
        var callback = await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("i1"));

        var body = GatewayHarness.Callback(callback);
        Assert.Equal("POST", callback.Method);
        Assert.Equal(4, body["type"]!.GetValue<int>());
        Assert.Contains("Results for diffusion", body["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Assert.Single(harness.Search.Requests);
        Assert.Equal("discord", request.Caller.Platform);
        Assert.Equal("3", request.Options["limit"]);
    }

    [Fact]
    public async Task A_command_slower_than_DeferAfter_is_deferred_then_fills_in_the_original_response()
    {
        await using var harness = await GatewayHarness.StartAsync(deferAfter: TimeSpan.FromMilliseconds(200));
        harness.Search.Delay = TimeSpan.FromSeconds(1);
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("slow");

        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Search("slow", "transformers"));
        var edit = await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.OriginalPath("slow"));

        var callback = Assert.Single(harness.RequestsTo(InteractionPayloads.CallbackPath("slow")));
        Assert.Equal(5, GatewayHarness.Callback(callback)["type"]!.GetValue<int>());
        Assert.True(callback.ReceivedAt < edit.ReceivedAt);
        Assert.Equal("PATCH", edit.Method);
        Assert.Contains("Results for transformers", GatewayHarness.Callback(edit)["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_dropped_connection_the_client_resumes_at_its_sequence_and_runs_each_replayed_interaction_once()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.ReplayOverlap = 1);
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("a");
        harness.ScriptInteraction("b");
        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Search("a", "first"));
        await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("a"));

        // Logged as missed before the drop: after it, the client may resume (50 ms backoff) before a test could add it.
        harness.Gateway.AddMissedDispatch("INTERACTION_CREATE", InteractionPayloads.Search("b", "second"));
        harness.Gateway.Drop();
        await harness.Gateway.WaitForConnectionAsync(1).ContinueWith(_ => GatewayHarness.WaitUntilAsync(() => harness.Gateway.Connections[0].Ended, "the drop")).Unwrap();
        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);
        await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("b"));
        await GatewayHarness.WaitUntilAsync(() => harness.ClientLog.Entries.Any(e => e.EventId.Id == 3102), "RESUMED");
        // Proof the replayed "a" reached the client and was dropped, rather than a wait and a hope that it had.
        await GatewayHarness.WaitUntilAsync(
            () => harness.ClientLog.Entries.Any(e => e.EventId.Id == 3110 && e.Message.Contains("interaction a ", StringComparison.Ordinal)),
            "the replayed interaction a to be dropped");

        Assert.Equal("/resume", harness.Gateway.Connections[resume.Connection - 1].Path);
        Assert.Equal(harness.Gateway.SessionId, resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(2, resume.Data["seq"]!.GetValue<long>());
        Assert.Single(harness.RequestsTo(InteractionPayloads.CallbackPath("a")));
        Assert.Single(harness.RequestsTo(InteractionPayloads.CallbackPath("b")));
        Assert.Equal(2, harness.Search.Calls);
        Assert.Contains(harness.ClientLog.Entries, e => e.EventId.Id == 3110 && e.Message.Contains("interaction a ", StringComparison.Ordinal));
        Assert.Single(harness.Gateway.Frames, f => f.Op == 2);
    }

    [Fact]
    public async Task Op_7_makes_the_client_resume_on_the_resume_url()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();

        await harness.Gateway.SendOpAsync(7);
        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);

        Assert.Equal(2, resume.Connection);
        Assert.Equal("/resume", harness.Gateway.Connections[1].Path);
        Assert.NotEqual(1000, harness.Gateway.Connections[0].ClientCloseCode);
        Assert.Single(harness.Gateway.Frames, f => f.Op == 2);
    }

    [Fact]
    public async Task Each_reconnect_is_counted_for_the_metrics_and_the_first_connection_is_not()
    {
        await using var harness = await GatewayHarness.StartAsync();
        using var reconnects = harness.Metrics.Counter("platform_reconnects_total");
        await harness.WaitForReadyAsync();

        await harness.Gateway.SendOpAsync(7);
        await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);

        var reconnect = Assert.Single(reconnects.GetMeasurementSnapshot());
        Assert.Equal(("discord", 1L), (reconnect.Tags["platform"], reconnect.Value));
    }

    [Fact]
    public async Task Op_9_true_makes_the_client_resume()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();

        await harness.Gateway.SendOpAsync(9, JsonValue.Create(true));
        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);

        Assert.Equal(2, resume.Connection);
        Assert.Single(harness.Gateway.Frames, f => f.Op == 2);
    }

    [Fact]
    public async Task Op_9_false_makes_the_client_identify_again_on_the_gateway_url_no_sooner_than_the_identify_interval()
    {
        var settings = GatewayHarness.FastSettings with { IdentifyInterval = TimeSpan.FromSeconds(1) };
        await using var harness = await GatewayHarness.StartAsync(settings: settings);
        await harness.WaitForReadyAsync();

        await harness.Gateway.SendOpAsync(9, JsonValue.Create(false));
        var second = await harness.Gateway.WaitForFrameAsync(f => f.Op == 2 && f.Connection == 2);

        var first = harness.Gateway.Frames.First(f => f.Op == 2);
        Assert.Equal("/", harness.Gateway.Connections[1].Path);
        Assert.DoesNotContain(harness.Gateway.Frames, f => f.Op == 6);
        Assert.True(second.ElapsedSinceStart - first.ElapsedSinceStart >= TimeSpan.FromMilliseconds(950), $"identified again after {second.ElapsedSinceStart - first.ElapsedSinceStart}");
        await harness.WaitForReadyAsync();
        Assert.Equal("session-2", harness.Client.SessionId);
    }

    [Fact]
    public async Task Close_4000_from_the_server_makes_the_client_resume()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();

        await harness.Gateway.CloseAsync(4000);
        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);

        Assert.Equal(2, resume.Connection);
        Assert.Equal("/resume", harness.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task Close_4004_stops_the_client_with_an_error_and_no_reconnect()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.CloseCodeOnIdentify = 4004);

        // Running completes only when the client's loop has ended: nothing can reconnect after it.
        await harness.Running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(harness.Gateway.Connections);
        var error = Assert.Single(harness.ClientLog.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("4004", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withheld_heartbeat_ACKs_are_detected_as_a_zombie_and_the_client_closes_and_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.WithholdAcks = connection => connection == 1);
        await harness.WaitForReadyAsync();

        var resume = await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);
        await GatewayHarness.WaitUntilAsync(() => harness.Gateway.Connections[0].Ended, "the zombie connection to end");

        Assert.Equal(2, resume.Connection);
        Assert.Equal("/resume", harness.Gateway.Connections[1].Path);
        Assert.NotNull(harness.Gateway.Connections[0].ClientCloseCode);
        Assert.NotEqual(1000, harness.Gateway.Connections[0].ClientCloseCode);
        Assert.Contains(harness.ClientLog.Entries, e => e.EventId.Id == 3103);
    }

    [Fact]
    public async Task The_server_asking_for_a_heartbeat_gets_one_at_once()
    {
        await using var harness = await GatewayHarness.StartAsync(heartbeatMs: 60_000);
        await harness.WaitForReadyAsync();

        await harness.Gateway.SendOpAsync(1);
        var heartbeat = await harness.Gateway.WaitForFrameAsync(f => f.Op == 1, TimeSpan.FromSeconds(5));

        Assert.Equal(1, heartbeat.Data!.GetValue<long>());
    }

    [Fact]
    public async Task A_large_event_sent_in_many_fragments_is_assembled_and_handled()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.FragmentBytes = 1000);
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("big");
        var interaction = InteractionPayloads.Search("big", "fragments");
        interaction["padding"] = new string('x', 100_000);

        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", interaction);
        var callback = await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("big"));

        Assert.Equal(4, GatewayHarness.Callback(callback)["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_button_click_from_the_gateway_runs_its_command_and_is_answered_with_a_new_message()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("click");

        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Button("click", "/papers search diffusion --page 2"));
        var callback = await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("click"));

        var body = GatewayHarness.Callback(callback);
        Assert.Equal(4, body["type"]!.GetValue<int>());
        Assert.Contains("Results for diffusion", body["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2", Assert.Single(harness.Search.Requests).Options["page"]);
    }

    [Fact]
    public async Task An_expired_button_gets_a_private_message_saying_so()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();
        harness.ScriptInteraction("old");

        await harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Button("old", ""));
        var callback = await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath("old"));

        var data = GatewayHarness.Callback(callback)["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Contains("This button has expired; run the command again.", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, harness.Search.Calls);
    }

    [Fact]
    public async Task Stopping_the_client_closes_the_connection_with_1000_and_does_not_reconnect()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.WaitForReadyAsync();

        // StopAsync returns once the client's loop has ended, so no reconnect can follow it.
        await harness.StopAsync();
        await GatewayHarness.WaitUntilAsync(() => harness.Gateway.Connections[0].Ended, "the connection to end");

        Assert.Equal(1000, harness.Gateway.Connections[0].ClientCloseCode);
        Assert.Single(harness.Gateway.Connections);
    }
}
