using System.Diagnostics.Metrics;
using System.Text.Json;
using ChatBot.Core.Commands;
using ChatBot.Core.Telemetry;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.SocketMode;

public sealed class SlackSocketModeTests
{
    private static readonly Dictionary<string, string?> OneConnection = new() { ["Slack:SocketConnections"] = "1" };

    [Fact]
    public async Task A_slash_command_envelope_reaches_the_router_and_its_ack_carries_the_envelope_id_and_the_reply()
    {
        var search = new ScriptedCommandHandler("search", (_, _) => Task.FromResult(new Reply { Title = "Search: diffusion", Text = ["found"] }));
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection, handlers: [search]);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);

        await socket.SendEnvelopeAsync("slash_commands", "env-1", SlackPayloads.SlashCommand(slack, "search diffusion since:7d --limit 3", "trigger-1"));

        using var ack = JsonDocument.Parse(await socket.WaitForMessageAsync(m => m.Contains("env-1", StringComparison.Ordinal)));
        Assert.Equal("env-1", ack.RootElement.GetProperty("envelope_id").GetString());
        Assert.Equal("in_channel", ack.RootElement.GetProperty("payload").GetProperty("response_type").GetString());
        Assert.Equal("Search: diffusion", ack.RootElement.GetProperty("payload").GetProperty("text").GetString());
        var request = Assert.Single(search.Calls).Request;
        Assert.Equal(("diffusion since:7d", "3", "U2", "C1", "T1", "slack"), (request.Options["query"], request.Options["limit"], request.Caller.User.Id, request.Caller.ChannelId, request.Caller.WorkspaceId, request.Caller.Platform));
        Assert.Equal("Bearer " + SlackHarness.AppToken, slack.Api.Requests.First(r => r.Path == "/api/apps.connections.open").Header("Authorization"));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_slow_command_is_acknowledged_at_once_and_answered_through_response_url()
    {
        // The command cannot finish until the test has seen the ack: the ack must not wait for the answer.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var search = new ScriptedCommandHandler("search", async (_, token) =>
        {
            await release.Task.WaitAsync(token);
            return Reply.Message("slow answer");
        });
        var settings = new Dictionary<string, string?>(OneConnection) { ["Slack:InlineReplyBudget"] = "00:00:00.300" };
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: settings, handlers: [search]);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);

        await socket.SendEnvelopeAsync("slash_commands", "env-slow", SlackPayloads.SlashCommand(slack, "search slow", "trigger-slow"));
        using var ack = JsonDocument.Parse(await socket.WaitForMessageAsync(m => m.Contains("env-slow", StringComparison.Ordinal)));
        release.SetResult();

        Assert.False(ack.RootElement.TryGetProperty("payload", out _));
        var followUp = await WaitForRequestAsync(slack, "/hooks/response/T1/abc");
        using var body = JsonDocument.Parse(followUp.Body);
        Assert.Equal("slow answer", body.RootElement.GetProperty("text").GetString());
        Assert.Single(search.Calls);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_command_that_blocks_its_thread_does_not_hold_up_the_next_envelope_on_the_same_connection()
    {
        using var gate = new ManualResetEventSlim();
        var search = new ScriptedCommandHandler("search", (context, _) =>
        {
            if (context.Request.Options["query"] == "stuck")
            {
                gate.Wait(TimeSpan.FromSeconds(20), CancellationToken.None);
            }

            return Task.FromResult(Reply.Message("answer to " + context.Request.Options["query"]));
        });
        var settings = new Dictionary<string, string?>(OneConnection) { ["Slack:InlineReplyBudget"] = "00:00:00.300" };
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: settings, handlers: [search]);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);
        try
        {
            await socket.SendEnvelopeAsync("slash_commands", "env-stuck", SlackPayloads.SlashCommand(slack, "search stuck", "trigger-stuck"));
            await socket.SendEnvelopeAsync("slash_commands", "env-next", SlackPayloads.SlashCommand(slack, "search next", "trigger-next"));

            using var next = JsonDocument.Parse(await socket.WaitForMessageAsync(m => m.Contains("env-next", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
            Assert.Equal("answer to next", next.RootElement.GetProperty("payload").GetProperty("text").GetString());
            // Its empty ack may have come before or after the other one.
            var stuckAck = socket.Received.FirstOrDefault(m => m.Contains("env-stuck", StringComparison.Ordinal))
                ?? await socket.WaitForMessageAsync(m => m.Contains("env-stuck", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            using var stuck = JsonDocument.Parse(stuckAck);
            Assert.False(stuck.RootElement.TryGetProperty("payload", out _)); // acknowledged within Slack's 3 s, answered later
        }
        finally
        {
            gate.Set();
        }

        using var followUp = JsonDocument.Parse((await WaitForRequestAsync(slack, "/hooks/response/T1/abc")).Body);
        Assert.Equal("answer to stuck", followUp.RootElement.GetProperty("text").GetString());
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Refresh_requested_opens_a_new_connection_before_closing_the_old_and_loses_nothing_sent_meanwhile()
    {
        var search = new ScriptedCommandHandler("search");
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection, handlers: [search]);
        var server = slack.SocketServer;
        var old = await server.WaitForConnectionAsync(0);
        server.AutoHello = false;

        await old.SendDisconnectAsync("refresh_requested");
        var replacement = await server.WaitForConnectionAsync(1);
        await old.SendEnvelopeAsync("slash_commands", "env-meanwhile", SlackPayloads.SlashCommand(slack, "search during refresh", "trigger-meanwhile"));
        await old.WaitForMessageAsync(m => m.Contains("env-meanwhile", StringComparison.Ordinal));
        await replacement.SendHelloAsync();
        await server.WaitForEventAsync("close 0");
        await replacement.SendEnvelopeAsync("slash_commands", "env-after", SlackPayloads.SlashCommand(slack, "search after refresh", "trigger-after"));
        await replacement.WaitForMessageAsync(m => m.Contains("env-after", StringComparison.Ordinal));

        var events = server.Events.ToList();
        Assert.True(events.IndexOf("open 1") < events.IndexOf("close 0"), string.Join(", ", events));
        Assert.Equal(["during refresh", "after refresh"], search.Calls.Select(c => c.Request.Options["query"]));
        Assert.Single(old.Received, m => m.Contains("env-meanwhile", StringComparison.Ordinal));
        Assert.Equal(2, slack.Api.Requests.Count(r => r.Path == "/api/apps.connections.open"));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_duplicate_delivery_on_the_second_connection_is_acknowledged_but_runs_once()
    {
        var search = new ScriptedCommandHandler("search");
        await using var slack = await SlackHarness.StartAsync(socketMode: true, handlers: [search]);
        var first = await slack.SocketServer.WaitForConnectionAsync(0);
        var second = await slack.SocketServer.WaitForConnectionAsync(1);

        await first.SendEnvelopeAsync("slash_commands", "env-9", SlackPayloads.SlashCommand(slack, "search once", "trigger-9"));
        await first.WaitForMessageAsync(m => m.Contains("env-9", StringComparison.Ordinal));
        await second.SendEnvelopeAsync("slash_commands", "env-9", SlackPayloads.SlashCommand(slack, "search once", "trigger-9"), retryAttempt: 1);
        using var duplicateAck = JsonDocument.Parse(await second.WaitForMessageAsync(m => m.Contains("env-9", StringComparison.Ordinal)));
        await second.SendEnvelopeAsync("slash_commands", "env-10", SlackPayloads.SlashCommand(slack, "search once", "trigger-9"), retryAttempt: 1);
        using var retryAck = JsonDocument.Parse(await second.WaitForMessageAsync(m => m.Contains("env-10", StringComparison.Ordinal)));

        Assert.Single(search.Calls);
        Assert.False(duplicateAck.RootElement.TryGetProperty("payload", out _));
        Assert.Equal("env-10", retryAck.RootElement.GetProperty("envelope_id").GetString());
        Assert.Equal(2, slack.Logs.Entries.Count(e => e.Entry.EventId.Id == 4110));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Link_disabled_stops_socket_mode_with_a_clear_error_and_never_reconnects()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);

        await socket.SendDisconnectAsync("link_disabled");
        await slack.SocketServer.WaitForEventAsync("close 0");
        // The client records why it stopped as its loop ends: after that nothing can reconnect.
        await WaitUntilAsync(() => slack.Get<SlackSocketModeClient>().StoppedBecause is not null);

        Assert.Equal(SlackSocketModeClient.LinkDisabled, slack.Get<SlackSocketModeClient>().StoppedBecause);
        var health = await slack.Get<SlackSocketModeHealth>().CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("link_disabled", health.Description, StringComparison.Ordinal);
        Assert.Single(slack.SocketServer.Connections);
        Assert.Equal(1, slack.Api.Requests.Count(r => r.Path == "/api/apps.connections.open"));
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4106 && e.Entry.Level == LogLevel.Error && (e.Entry.Message + e.Entry.Exception?.Message).Contains("link_disabled", StringComparison.Ordinal));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_with_a_fresh_url()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);
        var health = slack.Get<SlackSocketModeHealth>();
        await WaitUntilAsync(() => health.OpenConnections == 1);
        var ready = await health.CheckHealthAsync(new HealthCheckContext());

        socket.Abort();
        await WaitUntilAsync(() => health.OpenConnections == 0);
        var reopened = await slack.SocketServer.WaitForConnectionAsync(1);
        await reopened.SendEnvelopeAsync("events_api", "env-event", """{"event_id":"Ev1","event":{"type":"app_mention"}}""");

        using var ack = JsonDocument.Parse(await reopened.WaitForMessageAsync(m => m.Contains("env-event", StringComparison.Ordinal)));
        Assert.Equal("env-event", ack.RootElement.GetProperty("envelope_id").GetString());
        Assert.Equal(2, slack.Api.Requests.Count(r => r.Path == "/api/apps.connections.open"));
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4103);
        Assert.Equal(HealthStatus.Healthy, ready.Status);
        Assert.Equal("Slack Socket Mode: 1 connection open", ready.Description);
        await WaitUntilAsync(() => health.OpenConnections == 1); // the reopened one (hello can be handled before it is counted)
        Assert.Empty(slack.ProtocolViolations);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 1.0)]
    public async Task The_pause_before_reopening_a_dropped_connection_is_jittered_between_half_and_all_of_the_first_backoff(double jitter, double seconds)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        await using var slack = await SlackHarness.StartAsync(
            socketMode: true,
            settings: OneConnection,
            timeProvider: clock,
            socketModeSettings: new SlackSocketModeSettings { Jitter = () => jitter });
        var first = await slack.SocketServer.WaitForConnectionAsync(0);
        var health = slack.Get<SlackSocketModeHealth>();
        await WaitUntilAsync(() => health.OpenConnections == 1);

        first.Abort();
        // The hello timeout (30 s) is the only other timer Socket Mode starts.
        var pause = await clock.NextTimerAsync(due => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(30));
        clock.Advance(pause);

        await slack.SocketServer.WaitForConnectionAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(seconds), pause);
        Assert.Empty(slack.ProtocolViolations);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(10), "the connection's condition");

    [Fact]
    public async Task Each_reopened_connection_is_counted_for_the_metrics_whether_dropped_or_refreshed()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection);
        using var reconnects = new MetricCollector<long>(slack.Get<IMeterFactory>(), ChatBotMetrics.MeterName, "platform_reconnects_total");
        var health = slack.Get<SlackSocketModeHealth>();
        var first = await slack.SocketServer.WaitForConnectionAsync(0);
        // Each connection must be up on the client's side first: one lost during its hello is a failed connect, not a reconnect.
        await WaitUntilAsync(() => health.OpenConnections == 1);

        first.Abort();
        var second = await slack.SocketServer.WaitForConnectionAsync(1);
        await WaitUntilAsync(() => health.OpenConnections == 1);
        await second.SendDisconnectAsync("refresh_requested");
        await slack.SocketServer.WaitForConnectionAsync(2);
        await WaitUntilAsync(() => reconnects.GetMeasurementSnapshot().Count >= 2);

        Assert.Equal(["slack", "slack"], reconnects.GetMeasurementSnapshot().Select(m => m.Tags["platform"]));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_button_click_envelope_is_acknowledged_and_answered_through_response_url()
    {
        var search = new ScriptedCommandHandler("search", (context, _) => Task.FromResult(new Reply { Title = "page " + context.Request.Options["page"] }));
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection, handlers: [search]);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);
        var payload = $$"""
            {"type":"block_actions","user":{"id":"U5","username":"bob","team_id":"T1"},"channel":{"id":"C1"},
             "response_url":"{{slack.ResponseUrl}}","trigger_id":"tr-click",
             "actions":[{"action_id":"cmd-0","type":"button","value":"/papers search diffusion --page 3"}]}
            """;

        await socket.SendEnvelopeAsync("interactive", "env-click", payload, acceptsResponsePayload: false);

        await socket.WaitForMessageAsync(m => m.Contains("env-click", StringComparison.Ordinal));
        var followUp = await WaitForRequestAsync(slack, "/hooks/response/T1/abc");
        using var body = JsonDocument.Parse(followUp.Body);
        Assert.Equal("page 3", body.RootElement.GetProperty("text").GetString());
        Assert.True(body.RootElement.GetProperty("replace_original").GetBoolean());
        Assert.Empty(slack.ProtocolViolations);
    }

    private static async Task<ChatBot.Testing.RecordedRequest> WaitForRequestAsync(SlackHarness slack, string path)
    {
        for (var count = 1; ; count++)
        {
            var requests = await slack.Api.WaitForRequestsAsync(count);
            if (requests.FirstOrDefault(r => r.Path == path) is { } found)
            {
                return found;
            }
        }
    }
}
