using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using ChatBot.Testing;

namespace ChatBot.Slack.Tests.SocketMode;

/// <summary>
/// The Slack fakes check what Slack checks, so a client that breaks a documented rule fails a test instead of
/// passing against a lenient fake. These tests play a misbehaving client by hand.
/// </summary>
public sealed class SlackFakeConformanceTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_Socket_Mode_url_is_single_use_and_a_second_connect_with_it_is_refused_and_reported()
    {
        // apps.connections.open returns a fresh, temporary WebSocket URL for each connection
        // (https://api.slack.com/methods/apps.connections.open); it cannot be connected to twice.
        await using var server = await FakeSlackSocketServer.StartAsync();
        var url = server.LinkUrl();
        using var first = new ClientWebSocket();
        using var second = new ClientWebSocket();
        using var forged = new ClientWebSocket();

        await first.ConnectAsync(url, CancellationToken.None);
        await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(url, CancellationToken.None));
        await Assert.ThrowsAsync<WebSocketException>(() => forged.ConnectAsync(new Uri(server.BaseAddress, "link/?ticket=999"), CancellationToken.None));

        Assert.Single(server.Connections);
        Assert.Equal(2, server.ProtocolViolations.Count);
        Assert.Contains("single-use", server.ProtocolViolations[0], StringComparison.Ordinal);
        Assert.Contains("never handed out", server.ProtocolViolations[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledgement_must_echo_a_sent_envelope_id_exactly_once_and_carry_a_payload_only_when_accepted()
    {
        // "Acknowledge events": send back {"envelope_id": …} for each envelope received, with a payload only
        // when accepts_response_payload is true (https://api.slack.com/apis/connections/socket-implement).
        await using var server = await FakeSlackSocketServer.StartAsync();
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.LinkUrl(), CancellationToken.None);
        var socket = await server.WaitForConnectionAsync(0);
        await socket.SendEnvelopeAsync("slash_commands", "env-1", "{}");
        await socket.SendEnvelopeAsync("events_api", "env-2", "{}", acceptsResponsePayload: false);

        await SendAsync(client, """{"envelope_id":"env-1"}""");
        await SendAsync(client, """{"envelope_id":"env-1"}""");
        await SendAsync(client, """{"envelope_id":"env-unknown"}""");
        await SendAsync(client, """{"envelope_id":"env-2","payload":{"text":"not wanted"}}""");
        await SendAsync(client, """{"ack":"env-2"}""");
        await socket.WaitForMessageAsync(m => m.Contains("\"ack\"", StringComparison.Ordinal));

        Assert.Equal(4, server.ProtocolViolations.Count);
        Assert.Contains("'env-1', which was not sent on this connection or was already acknowledged", server.ProtocolViolations[0], StringComparison.Ordinal);
        Assert.Contains("'env-unknown'", server.ProtocolViolations[1], StringComparison.Ordinal);
        Assert.Contains("does not accept one", server.ProtocolViolations[2], StringComparison.Ordinal);
        Assert.Contains("not an acknowledgement", server.ProtocolViolations[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Web_API_fake_reports_messages_past_Slacks_documented_limits_and_calls_without_the_right_token()
    {
        await using var api = await FakeSlackWebApi.StartAsync();
        api.Map("/api/chat.postMessage", _ => ScriptedResponse.Json("""{"ok":true,"channel":"C1","ts":"1.1"}"""));
        api.Map("/hooks/r", _ => ScriptedResponse.Text("ok"));
        var tooMany = string.Join(",", Enumerable.Range(0, 51).Select(_ => """{"type":"divider"}"""));
        var longHeader = new string('h', 151);
        var longValue = new string('v', 2001);

        await PostAsync(api, "api/chat.postMessage", "xoxb-1", """{"channel":"C1","text":"fine","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"ok"}}]}""");
        await PostAsync(api, "api/chat.postMessage", "xoxb-1", $$"""{"channel":"C1","text":"many","blocks":[{{tooMany}}]}""");
        await PostAsync(api, "api/chat.postMessage", "xoxb-1", $$$"""{"channel":"C1","blocks":[{"type":"header","text":{"type":"plain_text","text":"{{{longHeader}}}"}}]}""");
        await PostAsync(api, "api/chat.postMessage", "xoxb-1", $$$"""{"channel":"C1","text":"b","blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"action_id":"a","value":"{{{longValue}}}"}]}]}""");
        await PostAsync(api, "api/chat.postMessage", "xapp-1", """{"channel":"C1","text":"wrong token"}""");
        foreach (var _ in Enumerable.Range(0, 6))
        {
            await PostAsync(api, "hooks/r", token: null, """{"text":"reply","response_type":"in_channel"}""");
        }

        Assert.Equal(
            [
                "Web API chat.postMessage: 51 blocks, past Slack's 50",
                "Web API chat.postMessage: no text; with blocks, text is the fallback for notifications and screen readers",
                "Web API chat.postMessage: block 0 header text: 151 characters, outside Slack's 1 to 150",
                "Web API chat.postMessage: block 0: button value must be a string of at most 2000 characters",
                "Web API chat.postMessage: no Authorization: Bearer xoxb-… header (this method takes the bot token)",
                "/hooks/r: response_url posted more than 5 times",
            ],
            api.ProtocolViolations);
    }

    private static async Task SendAsync(ClientWebSocket client, string json) =>
        await client.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task PostAsync(FakeSlackWebApi api, string path, string? token, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.BaseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
    }
}
