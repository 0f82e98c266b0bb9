using System.Net.WebSockets;
using System.Text.Json;
using ChatBot.Core.Commands;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Slack.Tests.SocketMode;

/// <summary>
/// Socket Mode against hostile or broken frames. Slack's frames are JSON objects whose <c>type</c>,
/// <c>envelope_id</c> and disconnect <c>reason</c> are strings and whose <c>payload</c> is an object
/// (https://api.slack.com/apis/connections/socket-implement); anything else must be skipped or the connection
/// replaced — never end Socket Mode, and never stop the host.
/// </summary>
public sealed class SlackSocketModeHardeningTests
{
    private static readonly Dictionary<string, string?> OneConnection = new() { ["Slack:SocketConnections"] = "1" };

    [Fact]
    public async Task Frames_whose_fields_have_the_wrong_kind_are_skipped_and_the_same_connection_keeps_answering()
    {
        var search = new ScriptedCommandHandler("search", (_, _) => Task.FromResult(new Reply { Title = "found" }));
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection, handlers: [search]);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);

        await socket.SendAsync("""{"type":42,"envelope_id":"env-a","payload":{}}""");
        await socket.SendAsync("""{"type":"slash_commands","envelope_id":{"id":"env-b"},"payload":{}}""");
        await socket.SendAsync("""{"type":"disconnect","reason":["refresh_requested"],"debug_info":{"host":"fake"}}""");
        await socket.SendEnvelopeAsync("slash_commands", "env-ok", SlackPayloads.SlashCommand(slack, "search after", "trigger-ok"));

        using var ack = JsonDocument.Parse(await socket.WaitForMessageAsync(m => m.Contains("env-ok", StringComparison.Ordinal)));
        Assert.Equal("found", ack.RootElement.GetProperty("payload").GetProperty("text").GetString());
        Assert.Single(slack.SocketServer.Connections);
        Assert.Equal(3, slack.Logs.Entries.Count(e => e.Entry.EventId.Id == 4115));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_message_over_one_MiB_closes_its_connection_and_a_fresh_one_answers_the_next_command()
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection);
        var first = await slack.SocketServer.WaitForConnectionAsync(0);

        await SendIgnoringDropAsync(first, HugeEnvelope("env-big", 2 * 1024 * 1024));
        var second = await slack.SocketServer.WaitForConnectionAsync(1);
        await first.Closed;
        await second.SendEnvelopeAsync("slash_commands", "env-next", SlackPayloads.SlashCommand(slack, "search next", "trigger-next"));

        using var ack = JsonDocument.Parse(await second.WaitForMessageAsync(m => m.Contains("env-next", StringComparison.Ordinal)));
        Assert.Equal("search answered", ack.RootElement.GetProperty("payload").GetProperty("text").GetString());
        Assert.DoesNotContain(first.Received, m => m.Contains("env-big", StringComparison.Ordinal));
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4114);
        Assert.Equal(2, slack.Api.Requests.Count(r => r.Path == "/api/apps.connections.open"));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task An_unexpected_failure_in_a_connection_loop_is_logged_and_the_connection_reopens_with_a_fresh_url()
    {
        var clock = new FaultingTimeProvider();
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection, timeProvider: clock);
        var first = await slack.SocketServer.WaitForConnectionAsync(0);
        var health = slack.Get<SlackSocketModeHealth>();
        await WaitUntilAsync(() => health.OpenConnections == 1);

        // The one-second pause before reconnecting a dropped connection fails: nothing in that loop expects it.
        clock.FailNextTimer(TimeSpan.FromSeconds(1));
        first.Abort();
        var second = await slack.SocketServer.WaitForConnectionAsync(1);
        await second.SendEnvelopeAsync("slash_commands", "env-after", SlackPayloads.SlashCommand(slack, "search after", "trigger-after"));

        await second.WaitForMessageAsync(m => m.Contains("env-after", StringComparison.Ordinal));
        Assert.Equal(1, clock.Faults);
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4117 && e.Entry.Exception is InvalidOperationException);
        Assert.Equal(2, slack.Api.Requests.Count(r => r.Path == "/api/apps.connections.open"));
        Assert.False(slack.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_fuzzed_stream_of_broken_frames_never_stops_socket_mode_and_each_following_command_is_answered()
    {
        var search = new ScriptedCommandHandler("search", (context, _) => Task.FromResult(new Reply { Title = "answer to " + context.Request.Options["query"] }));
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection, handlers: [search]);
        var socket = await slack.SocketServer.WaitForConnectionAsync(0);
        var frames = new (string Name, string Frame, bool Reconnects)[]
        {
            ("type as a number", """{"type":7,"envelope_id":"f-type","payload":{}}""", false),
            ("envelope_id as an object", """{"type":"slash_commands","envelope_id":{"id":"f-id"},"payload":{}}""", false),
            ("payload as a string", """{"type":"slash_commands","envelope_id":"f-payload","payload":"search hidden","accepts_response_payload":true}""", false),
            ("disconnect reason as an array", """{"type":"disconnect","reason":["link_disabled"]}""", false),
            ("type null", """{"type":null}""", false),
            ("huge numbers", $$"""{"type":"slash_commands","envelope_id":"f-huge","payload":{{SlackPayloads.SlashCommand(slack, "search huge", "trigger-huge")}},"accepts_response_payload":1e400,"retry_attempt":123456789012345678901234567890}""", false),
            ("a bare huge number", "123456789012345678901234567890123456789012345678901234567890e999999", false),
            ("an array", """[{"type":"hello"}]""", false),
            ("truncated JSON", """{"type":"slash_commands","envelope_id":"f-cut","payl""", false),
            ("nesting past any sane depth", new string('[', 5000) + new string(']', 5000), false),
            ("not JSON at all", "\u0000\u0001 hello", false),
            ("a 2 MiB message", HugeEnvelope("f-big", 2 * 1024 * 1024), true),
        };

        var probe = 0;
        foreach (var (name, frame, reconnects) in frames)
        {
            await SendIgnoringDropAsync(socket, frame);
            if (reconnects)
            {
                socket = await slack.SocketServer.WaitForConnectionAsync(socket.Index + 1);
            }

            var envelopeId = $"probe-{++probe}";
            await socket.SendEnvelopeAsync("slash_commands", envelopeId, SlackPayloads.SlashCommand(slack, $"search probe {probe}", $"trigger-probe-{probe}"));
            var ack = await socket.WaitForMessageAsync(m => m.Contains(envelopeId, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
            using var document = JsonDocument.Parse(ack);
            Assert.True(
                document.RootElement.GetProperty("payload").GetProperty("text").GetString() == $"answer to probe {probe}",
                $"after {name}: {ack}");
        }

        var worker = slack.Services.GetServices<IHostedService>().OfType<SlackSocketModeWorker>().Single();
        Assert.False(worker.ExecuteTask!.IsCompleted);
        Assert.False(slack.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Null(slack.Get<SlackSocketModeClient>().StoppedBecause);
        Assert.Equal(frames.Length, search.Calls.Count(c => c.Request.Options["query"].StartsWith("probe", StringComparison.Ordinal)));
        Assert.DoesNotContain(search.Calls, c => c.Request.Options["query"] == "hidden");
        Assert.Empty(slack.ProtocolViolations);
    }

    [Theory]
    [InlineData("refused token")]
    [InlineData("link_disabled")]
    public async Task Socket_Mode_ending_for_good_says_why_in_readiness_and_leaves_the_host_running(string ending)
    {
        await using var slack = await SlackHarness.StartAsync(socketMode: true, settings: OneConnection);
        if (ending == "link_disabled")
        {
            var socket = await slack.SocketServer.WaitForConnectionAsync(0);
            await socket.SendDisconnectAsync("link_disabled");
        }
        else
        {
            // apps.connections.open refusing the app token for good (https://api.slack.com/methods/apps.connections.open, errors).
            var socket = await slack.SocketServer.WaitForConnectionAsync(0);
            slack.Api.Map("/api/apps.connections.open", _ => ScriptedResponse.Json("""{"ok":false,"error":"invalid_auth"}"""));
            socket.Abort();
        }

        var worker = slack.Services.GetServices<IHostedService>().OfType<SlackSocketModeWorker>().Single();
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20));

        var readiness = await slack.Get<SlackSocketModeHealth>().CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.True(worker.ExecuteTask.IsCompletedSuccessfully);
        Assert.Contains(ending == "link_disabled" ? "link_disabled" : "invalid_auth", readiness.Description, StringComparison.Ordinal);
        Assert.False(slack.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Empty(slack.ProtocolViolations);
    }

    private static string HugeEnvelope(string envelopeId, int bytes) =>
        $$$"""{"type":"events_api","envelope_id":"{{{envelopeId}}}","payload":{"event_id":"Ev-{{{envelopeId}}}","pad":"{{{new string('x', bytes)}}}"}}""";

    /// <summary>The client may close the connection while a message too large for it is still being sent.</summary>
    private static async Task SendIgnoringDropAsync(FakeSlackSocket socket, string frame)
    {
        try
        {
            await socket.SendAsync(frame);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(10), "the connection's condition");
}
