using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Cluster;
using ChatBot.Core.Commands;
using ChatBot.Slack.Http;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Testing;

namespace ChatBot.Slack.Tests.Http;

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
        var caller = request.Caller;
        Assert.Equal(("slack", "U2", "alice", "C1", "T1", true), (caller.Platform, caller.User.Id, caller.User.DisplayName, caller.ChannelId, caller.WorkspaceId, caller.IsAdmin));
        Assert.Empty(slack.ProtocolViolations);
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
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_user_not_listed_as_admin_is_refused_an_admin_command_and_told_about_Slack_AdminUserIds()
    {
        var dailySet = new ScriptedCommandHandler("daily set", command: CommandCatalog.PapersAdminCommand);
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [dailySet],
            settings: new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = "U9" });

        using var response = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "daily set 09:00 UTC", CommandCatalog.PapersAdminCommand));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        var text = body.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString();
        Assert.Contains("Only admins can use /papers-admin", text, StringComparison.Ordinal);
        Assert.Contains("Slack:AdminUserIds", text, StringComparison.Ordinal);
        Assert.Empty(dailySet.Calls);
        Assert.Empty(slack.ProtocolViolations);
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
        Assert.Empty(slack.ProtocolViolations);
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
        Assert.Empty(slack.ProtocolViolations);
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
        Assert.Empty(slack.ProtocolViolations);
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
        Assert.Equal(("U5", "diffusion", "C1", "T1"), (request.Caller.User.Id, request.Options["query"], request.Caller.ChannelId, request.Caller.WorkspaceId));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Without_a_signing_secret_no_endpoint_is_mapped()
    {
        await using var slack = await SlackHarness.StartAsync();

        using var response = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, Form(slack, "help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Theory]
    [InlineData(SlackEndpoints.CommandsPath, SlackEndpoints.MaxCommandBodyBytes)]
    [InlineData(SlackEndpoints.ActionsPath, SlackEndpoints.MaxActionBodyBytes)]
    [InlineData(SlackEndpoints.EventsPath, SlackEndpoints.MaxEventBodyBytes)]
    public async Task A_chunked_body_past_the_endpoints_cap_gets_413_while_the_client_is_still_sending(string path, int cap)
    {
        // A chunked body declares no length. The client sends one byte more than the cap and then waits, without
        // the terminating chunk: the 413 can only arrive if the server stopped reading at the cap.
        var search = new ScriptedCommandHandler("search");
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search]);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, slack.Address.Port);
        var stream = tcp.GetStream();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
            + $"{SlackRequestVerifier.TimestampHeader}: {timestamp}\r\n{SlackRequestVerifier.SignatureHeader}: v0=00\r\n\r\n"));
        for (var sent = 0; sent <= cap;)
        {
            var size = Math.Min(16 * 1024, cap + 1 - sent);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:X}\r\n{new string('a', size)}\r\n"));
            sent += size;
        }

        var statusLine = await ReadStatusLineAsync(stream);

        Assert.StartsWith("HTTP/1.1 413 ", statusLine, StringComparison.Ordinal);
        Assert.Empty(search.Calls);
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4202);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_retried_slash_command_is_acknowledged_with_an_empty_200_and_runs_once_whether_the_first_is_running_or_done()
    {
        // Slack redelivers what it thinks failed, marked X-Slack-Retry-Num and X-Slack-Retry-Reason
        // (https://api.slack.com/apis/events-api#retries, "Graceful retries"); a retry must not run the command again.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var search = new ScriptedCommandHandler("search", async (_, token) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(token);
            return Reply.Message("answered once");
        });
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search]);
        var form = Form(slack, "search retried");
        var retryHeaders = new Dictionary<string, string> { [SlackEndpoints.RetryNumHeader] = "1", [SlackEndpoints.RetryReasonHeader] = "http_timeout" };

        var first = PostSignedAsync(slack, SlackEndpoints.CommandsPath, form);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var whileRunning = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, form, retryHeaders);
        release.SetResult();
        using var original = await first;
        retryHeaders[SlackEndpoints.RetryNumHeader] = "2";
        using var afterwards = await PostSignedAsync(slack, SlackEndpoints.CommandsPath, form, retryHeaders);

        Assert.Equal((HttpStatusCode.OK, ""), (whileRunning.StatusCode, await whileRunning.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, ""), (afterwards.StatusCode, await afterwards.Content.ReadAsStringAsync()));
        if (await original.Content.ReadAsStringAsync() is var inline && inline.Length > 0)
        {
            Assert.Contains("answered once", inline, StringComparison.Ordinal);
        }
        else
        {
            // A loaded machine may pass the inline budget: then the one answer goes to response_url.
            await slack.Api.WaitForRequestAsync(r => r.Body.Contains("answered once", StringComparison.Ordinal));
        }

        Assert.Single(search.Calls);
        Assert.Equal(2, slack.Logs.Entries.Count(e => e.Entry.EventId.Id == 4203));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_retry_that_reaches_another_process_of_the_bot_is_acknowledged_and_not_run_again()
    {
        // Behind a load balancer Slack's retry (https://api.slack.com/apis/events-api#retries) may reach another
        // process than the first delivery: the claim they share (the database's, in memory here) tells it.
        var claims = new InMemoryEventClaims();
        var firstSearch = new ScriptedCommandHandler("search");
        var otherSearch = new ScriptedCommandHandler("search");
        await using var first = await SlackHarness.StartAsync(signingSecret: true, handlers: [firstSearch], claims: claims);
        await using var other = await SlackHarness.StartAsync(signingSecret: true, handlers: [otherSearch], claims: claims);
        var retryHeaders = new Dictionary<string, string> { [SlackEndpoints.RetryNumHeader] = "1", [SlackEndpoints.RetryReasonHeader] = "http_timeout" };

        using var original = await PostSignedAsync(first, SlackEndpoints.CommandsPath, Form(first, "search across processes"));
        using var retried = await PostSignedAsync(other, SlackEndpoints.CommandsPath, Form(first, "search across processes"), retryHeaders);

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal((HttpStatusCode.OK, ""), (retried.StatusCode, await retried.Content.ReadAsStringAsync()));
        Assert.Single(firstSearch.Calls);
        Assert.Empty(otherSearch.Calls);
        Assert.Single(other.Logs.Entries, e => e.Entry.EventId.Id == 4203);
    }

    [Fact]
    public async Task A_retried_button_click_is_acknowledged_and_answered_once()
    {
        var search = new ScriptedCommandHandler("search", (context, _) => Task.FromResult(new Reply { Title = "page " + context.Request.Options["page"] }));
        await using var slack = await SlackHarness.StartAsync(signingSecret: true, handlers: [search]);
        var payload = $$"""
            {"type":"block_actions","user":{"id":"U5","username":"bob","team_id":"T1"},"team":{"id":"T1"},"channel":{"id":"C1"},
             "response_url":"{{slack.ResponseUrl}}","trigger_id":"tr-retried",
             "actions":[{"action_id":"cmd-0","type":"button","value":"/papers search diffusion --page 2"}]}
            """;
        var body = "payload=" + Uri.EscapeDataString(payload);

        using var click = await PostSignedAsync(slack, SlackEndpoints.ActionsPath, body);
        await slack.Api.WaitForRequestsAsync(1);
        using var retry = await PostSignedAsync(slack, SlackEndpoints.ActionsPath, body,
            new Dictionary<string, string> { [SlackEndpoints.RetryNumHeader] = "1", [SlackEndpoints.RetryReasonHeader] = "http_error" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (click.StatusCode, retry.StatusCode));
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4203);
        Assert.Single(search.Calls);
        Assert.Single(slack.Api.Requests);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Fields_of_the_wrong_kind_in_an_event_or_a_click_get_a_short_answer_not_a_server_error()
    {
        await using var slack = await SlackHarness.StartAsync(signingSecret: true);

        using var verification = await PostSignedAsync(slack, SlackEndpoints.EventsPath, """{"type":"url_verification","challenge":{"x":1}}""");
        using var eventType = await PostSignedAsync(slack, SlackEndpoints.EventsPath, """{"type":7}""");
        using var click = await PostSignedAsync(slack, SlackEndpoints.ActionsPath, "payload=" + Uri.EscapeDataString("""{"type":["block_actions"],"trigger_id":5}"""));
        using var clickArray = await PostSignedAsync(slack, SlackEndpoints.ActionsPath, "payload=" + Uri.EscapeDataString("[1,2]"));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest],
            new[] { verification, eventType, click, clickArray }.Select(r => r.StatusCode));
        Assert.Equal("""{"challenge":""}""", await verification.Content.ReadAsStringAsync());
        Assert.Empty(slack.ProtocolViolations);
    }

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<byte>();
        var buffer = new byte[1];
        while (!Encoding.ASCII.GetString([.. received]).EndsWith("\r\n", StringComparison.Ordinal))
        {
            try
            {
                if (await stream.ReadAsync(buffer, timeout.Token) == 0)
                {
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("No response while the body was still being sent: the server waits for the whole body.");
            }

            received.Add(buffer[0]);
        }

        return Encoding.ASCII.GetString([.. received]).TrimEnd();
    }

    private static string Form(SlackHarness slack, string text, string command = "papers") =>
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T1&team_domain=example&channel_id=C1&channel_name=papers&user_id=U2&user_name=alice"
        + "&command=%2F" + command + "&text=" + Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal)
        + "&api_app_id=A1&response_url=" + Uri.EscapeDataString(slack.ResponseUrl.AbsoluteUri) + "&trigger_id=13345224609.738474920.8088930838d88f008e0";

    private static Task<HttpResponseMessage> PostSignedAsync(SlackHarness slack, string path, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return PostAsync(slack, path, body, timestamp, SlackRequestVerifier.Sign(SlackHarness.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)), headers);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        SlackHarness slack, string path, string body, string? timestamp, string? signature, IReadOnlyDictionary<string, string>? headers = null)
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

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await Http.SendAsync(request);
    }
}
