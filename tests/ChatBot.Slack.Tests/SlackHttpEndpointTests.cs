using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Commands;
using ChatBot.Slack.Http;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Testing;

namespace ChatBot.Slack.Tests;

public sealed class SlackHttpEndpointTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_signed_slash_command_is_parsed_with_the_console_grammar_and_answered_inline()
    {
        var search = new ScriptedCommandHandler("search", (_, _) => Task.FromResult(new Reply { Title = "Search: diffusion", Text = ["3 papers"] }));
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search],
            settings: new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = "U2" });

        using var response = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "search diffusion since:7d --limit 3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("in_channel", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("Search: diffusion", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("header", body.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        var request = Assert.Single(search.Calls).Request;
        Assert.Equal("diffusion since:7d", request.Options["query"]);
        Assert.Equal("3", request.Options["limit"]);
        Assert.Equal(("slack", "U2", "alice", "C1", "T1", true), (request.Platform, request.User.Id, request.User.DisplayName, request.ChannelId, request.GuildId, request.IsAdmin));
    }

    [Fact]
    public async Task A_private_reply_and_a_parse_error_come_back_ephemeral()
    {
        await using var slack = await SlackHarness.StartAsync(signingSecret: true);

        using var help = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "help"));
        using var broken = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "search x --bogus 1"));

        using var helpBody = JsonDocument.Parse(await help.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", helpBody.RootElement.GetProperty("response_type").GetString());
        using var brokenBody = JsonDocument.Parse(await broken.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", brokenBody.RootElement.GetProperty("response_type").GetString());
        Assert.Contains(":warning: /papers search has no option --bogus", brokenBody.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_command_is_acknowledged_within_the_budget_and_answered_through_response_url()
    {
        // The command cannot finish until the test has the HTTP answer: the ack must not wait for it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var search = new ScriptedCommandHandler("search", async (_, token) =>
        {
            await release.Task.WaitAsync(token);
            return Reply.Message("slow but here");
        });
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search],
            settings: new Dictionary<string, string?> { ["Slack:InlineReplyBudget"] = "00:00:00.300" });

        using var response = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "search slow things"));
        release.SetResult();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var followUp = (await slack.Api.WaitForRequestsAsync(1)).Single();
        Assert.Equal("/hooks/response/T1/abc", followUp.Path);
        using var body = JsonDocument.Parse(followUp.Body);
        Assert.Equal("in_channel", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("slow but here", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Wrong_stale_or_missing_signatures_get_401_and_the_secret_is_not_logged()
    {
        var search = new ScriptedCommandHandler("search");
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search]);
        var form = Form(slack, "search x");
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var stale = TimeProvider.System.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var wrong = await PostAsync(slack, SlackEndpoints.CommandsPath, form, now, SlackRequestVerifier.Sign("another-secret", now, Encoding.UTF8.GetBytes(form)));
        using var old = await PostAsync(slack, SlackEndpoints.CommandsPath, form, stale, SlackRequestVerifier.Sign(SlackHarness.SigningSecret, stale, Encoding.UTF8.GetBytes(form)));
        using var unsigned = await PostAsync(slack, SlackEndpoints.CommandsPath, form, timestamp: null, signature: null);
        using var tampered = await PostAsync(slack, SlackEndpoints.CommandsPath, form + "&x=1", now, SlackRequestVerifier.Sign(SlackHarness.SigningSecret, now, Encoding.UTF8.GetBytes(form)));
        using var events = await PostAsync(slack, SlackEndpoints.EventsPath, """{"type":"url_verification","challenge":"c"}""", now, "v0=00");

        Assert.All(new[] { wrong, old, unsigned, tampered, events }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(search.Calls);
        var rejections = slack.Logs.Entries.Where(e => e.Entry.EventId.Id == 4200).ToList();
        Assert.Equal(5, rejections.Count);
        Assert.Contains(rejections, e => (e.Entry.Message + e.Entry.Exception?.Message).Contains("Stale", StringComparison.Ordinal));
        Assert.DoesNotContain(slack.Logs.Entries, e => (e.Entry.Message + e.Entry.Exception?.Message).Contains(SlackHarness.SigningSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge_and_other_events_get_200()
    {
        await using var slack = await SlackHarness.StartAsync(signingSecret: true);

        using var verification = await PostSignedAsync(slack, SlackEndpoints.EventsPath, """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        using var other = await PostSignedAsync(slack, SlackEndpoints.EventsPath, """{"type":"event_callback","event":{"type":"app_mention"}}""");
        using var sslCheck = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, "ssl_check=1&token=x");

        using var body = JsonDocument.Parse(await verification.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.RootElement.GetProperty("challenge").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sslCheck.StatusCode);
    }

    [Fact]
    public async Task A_more_results_button_runs_its_command_for_the_clicker_and_replaces_the_message()
    {
        var search = new ScriptedCommandHandler("search", (context, _) => Task.FromResult(new Reply { Title = "page " + context.Request.Options["page"] }));
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search]);
        var payload = $$"""
            {"type":"block_actions","user":{"id":"U5","username":"bob","team_id":"T1"},"team":{"id":"T1"},
             "container":{"type":"message","message_ts":"1.1","channel_id":"C1"},"channel":{"id":"C1","name":"papers"},
             "response_url":"{{slack.ResponseUrl}}","trigger_id":"tr1",
             "actions":[{"action_id":"cmd-0","block_id":"b","type":"button","value":"/papers search diffusion --page 2","action_ts":"1.2"}]}
            """;

        using var response = await PostSignedAsync(slack, SlackEndpoints.ActionsPath, "payload=" + Uri.EscapeDataString(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = (await slack.Api.WaitForRequestsAsync(1)).Single();
        using var body = JsonDocument.Parse(followUp.Body);
        Assert.True(body.RootElement.GetProperty("replace_original").GetBoolean());
        Assert.Equal("page 2", body.RootElement.GetProperty("text").GetString());
        var request = Assert.Single(search.Calls).Request;
        Assert.Equal(("U5", "diffusion", "C1", "T1"), (request.User.Id, request.Options["query"], request.ChannelId, request.GuildId));
    }

    [Fact]
    public async Task Without_a_signing_secret_no_endpoint_is_mapped()
    {
        await using var slack = await SlackHarness.StartAsync();

        using var response = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Form(SlackHarness slack, string text) =>
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T1&team_domain=example&channel_id=C1&channel_name=papers&user_id=U2&user_name=alice"
        + "&command=%2Fpapers&text=" + Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal)
        + "&api_app_id=A1&response_url=" + Uri.EscapeDataString(slack.ResponseUrl.AbsoluteUri) + "&trigger_id=13345224609.738474920.8088930838d88f008e0";

    private static Task<HttpResponseMessage> PostSignedAsync(SlackHarness slack, string path, string body)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return PostAsync(slack, path, body, timestamp, SlackRequestVerifier.Sign(SlackHarness.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    private static async Task<HttpResponseMessage> PostAsync(SlackHarness slack, string path, string body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.Address, path.TrimStart('/')))
        {
            Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded"),
        };
        if (timestamp is not null)
        {
            request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add(SlackRequestVerifier.SignatureHeader, signature);
        }

        return await Http.SendAsync(request);
    }
}
