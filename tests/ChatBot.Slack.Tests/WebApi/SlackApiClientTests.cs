using System.Diagnostics.Metrics;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Telemetry;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Slack.WebApi;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests
{
    private const string Posted = """{"ok":true,"channel":"C1","ts":"1700000000.000100","message":{}}""";

    [Fact]
    public async Task A_message_is_posted_as_json_with_the_bearer_token_and_link_previews_off()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json(Posted));

        var posted = await slack.Get<SlackApiClient>().PostMessageAsync(new PostMessageRequest("C1", "fallback", [], ThreadTs: "1699.1"), CancellationToken.None);

        Assert.Equal(new PostedMessage("C1", "1700000000.000100"), posted);
        var request = Assert.Single(slack.Api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer " + SlackHarness.BotToken, request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("C1", body.RootElement.GetProperty("channel").GetString());
        Assert.Equal("fallback", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1699.1", body.RootElement.GetProperty("thread_ts").GetString());
        Assert.False(body.RootElement.GetProperty("unfurl_links").GetBoolean());
        Assert.False(body.RootElement.GetProperty("unfurl_media").GetBoolean());
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Ok_false_becomes_a_platform_exception_carrying_Slacks_error_string()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":false,"error":"channel_not_found"}"""));
        slack.Api.Enqueue("/api/conversations.open", ScriptedResponse.Json("""{"ok":false,"error":"user_disabled"}"""));
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":false,"error":"internal_error"}"""));
        var api = slack.Get<SlackApiClient>();

        var missing = await Assert.ThrowsAsync<ChatPlatformException>(() => api.PostMessageAsync(new PostMessageRequest("C404", "x", []), CancellationToken.None));
        var disabled = await Assert.ThrowsAsync<ChatPlatformException>(() => api.OpenConversationAsync("U1", CancellationToken.None));
        var transient = await Assert.ThrowsAsync<ChatPlatformException>(() => api.PostMessageAsync(new PostMessageRequest("C1", "x", []), CancellationToken.None));

        Assert.Equal(("slack", "channel_not_found", true, false), (missing.Platform, missing.Code, missing.IsPermanent, missing.IsUndeliverableToUser));
        Assert.Equal(("user_disabled", true), (disabled.Code, disabled.IsUndeliverableToUser));
        Assert.Equal(("internal_error", false), (transient.Code, transient.IsPermanent));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_then_the_call_succeeds()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue(
            "/api/chat.postMessage",
            ScriptedResponse.Json("""{"ok":false,"error":"ratelimited"}""", 429).WithHeader("Retry-After", "1"),
            ScriptedResponse.Json(Posted));

        var posted = await slack.Get<SlackApiClient>().PostMessageAsync(new PostMessageRequest("C1", "x", []), CancellationToken.None);

        Assert.Equal("1700000000.000100", posted.MessageId);
        var requests = slack.Api.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
        Assert.Contains(slack.Logs.Entries, e => e.Entry.EventId.Id == 4000);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Rate_limits_that_never_end_fail_as_ratelimited_after_a_few_retries()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Map("/api/conversations.open", _ => ScriptedResponse.Json("""{"ok":false,"error":"ratelimited"}""", 429).WithHeader("Retry-After", "0"));

        var error = await Assert.ThrowsAsync<ChatPlatformException>(() => slack.Get<SlackApiClient>().OpenConversationAsync("U1", CancellationToken.None));

        Assert.Equal(("ratelimited", false), (error.Code, error.IsPermanent));
        Assert.Equal(SlackApiClient.MaxRateLimitRetries + 1, slack.Api.Requests.Count);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Every_429_received_is_counted_for_the_metrics()
    {
        await using var slack = await SlackHarness.StartAsync();
        using var rateLimited = new MetricCollector<long>(slack.Get<IMeterFactory>(), ChatBotMetrics.MeterName, "http_429_total");
        slack.Api.Map("/api/conversations.open", _ => ScriptedResponse.Json("""{"ok":false,"error":"ratelimited"}""", 429).WithHeader("Retry-After", "0"));

        await Assert.ThrowsAsync<ChatPlatformException>(() => slack.Get<SlackApiClient>().OpenConversationAsync("U1", CancellationToken.None));

        Assert.Equal(SlackApiClient.MaxRateLimitRetries + 1, rateLimited.GetMeasurementSnapshot().Count);
        Assert.All(rateLimited.GetMeasurementSnapshot(), m => Assert.Equal("slack", m.Tags["platform"]));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Messages_to_one_channel_are_spaced_while_other_channels_are_not_held_up()
    {
        await using var slack = await SlackHarness.StartAsync(settings: new Dictionary<string, string?> { ["Slack:ChannelMessageSpacing"] = "00:00:00.300" });
        slack.Api.Map("/api/chat.postMessage", _ => ScriptedResponse.Json(Posted));
        var api = slack.Get<SlackApiClient>();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => api.PostMessageAsync(new PostMessageRequest("C1", $"m{i}", []), CancellationToken.None)));
        await api.PostMessageAsync(new PostMessageRequest("C2", "other", []), CancellationToken.None);

        var toC1 = slack.Api.Requests.Where(r => r.Body.Contains("\"C1\"", StringComparison.Ordinal)).Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(3, toC1.Count);
        Assert.All(toC1.Zip(toC1.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(250), $"spaced {pair.Second - pair.First}"));
        var toC2 = slack.Api.Requests.Single(r => r.Body.Contains("\"C2\"", StringComparison.Ordinal)).ReceivedAt;
        Assert.True(toC2 - toC1[^1] < TimeSpan.FromMilliseconds(250), "another channel waits for nobody");
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task A_message_is_updated_in_place_by_channel_and_ts()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/chat.update", ScriptedResponse.Json("""{"ok":true,"channel":"C1","ts":"1.5","text":"new"}"""));

        var updated = await slack.Get<SlackApiClient>().UpdateMessageAsync(new UpdateMessageRequest("C1", "1.5", "new", []), CancellationToken.None);

        Assert.Equal(new PostedMessage("C1", "1.5"), updated);
        using var body = JsonDocument.Parse(Assert.Single(slack.Api.Requests).Body);
        Assert.Equal(("C1", "1.5", "new"), (body.RootElement.GetProperty("channel").GetString(), body.RootElement.GetProperty("ts").GetString(), body.RootElement.GetProperty("text").GetString()));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Auth_test_names_the_workspace_and_the_bot_user_of_the_bot_token()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue(
            "/api/auth.test",
            ScriptedResponse.Json("""{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"papers","team_id":"T1","user_id":"U9","bot_id":"B7"}"""));

        var identity = await slack.Get<SlackApiClient>().AuthTestAsync(CancellationToken.None);

        Assert.Equal(new AuthTestResponse("Acme", "T1", "papers", "U9", "B7"), identity);
        var request = Assert.Single(slack.Api.Requests);
        Assert.Equal(("POST", "Bearer " + SlackHarness.BotToken), (request.Method, request.Header("Authorization")));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Theory]
    [InlineData("invalid_auth", true)]
    [InlineData("not_authed", true)]
    [InlineData("token_revoked", true)]
    [InlineData("not_allowed_token_type", true)]
    [InlineData("missing_scope", false)]
    [InlineData("internal_error", false)]
    public async Task Only_errors_about_the_token_itself_mark_it_as_rejected(string error, bool rejected)
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/auth.test", ScriptedResponse.Json($$"""{"ok":false,"error":"{{error}}"}"""));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => slack.Get<SlackApiClient>().AuthTestAsync(CancellationToken.None));

        Assert.Equal((error, rejected), (failure.Code, failure.IsCredentialRejected));
        Assert.DoesNotContain(SlackHarness.BotToken, failure.Message, StringComparison.Ordinal);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task No_response_url_is_logged_even_with_every_log_category_at_trace()
    {
        // A response_url is a credential: whoever has it can post as the app for 30 minutes
        // (https://api.slack.com/interactivity/handling#message_responses). IHttpClientFactory's default handlers
        // log each request URI (System.Net.Http.HttpClient.{name}.*), so the Slack client must have none.
        await using var fake = await FakeSlackWebApi.StartAsync();
        fake.Map("/hooks/commands/T1/123/secret-part", _ => ScriptedResponse.Text("ok"));
        fake.Map("/api/chat.postMessage", _ => ScriptedResponse.Json(Posted));
        var logs = new RecordingLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackHarness.BotToken,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri,
            ["Slack:ChannelMessageSpacing"] = "00:00:00",
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.AddChatBotSlack();
        using var host = builder.Build();
        var api = host.Services.GetRequiredService<SlackApiClient>();
        var responseUrl = new Uri(fake.BaseAddress, "hooks/commands/T1/123/secret-part");

        await api.PostToResponseUrlAsync(responseUrl, new ResponseUrlMessage(ResponseUrlMessage.InChannel, "hello", []), CancellationToken.None);
        await api.PostMessageAsync(new PostMessageRequest("C1", "hello", []), CancellationToken.None);

        Assert.Equal(2, fake.Requests.Count);
        Assert.DoesNotContain(logs.Entries, e => (e.Entry.Message + e.Entry.Exception?.Message).Contains("secret-part", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Empty(fake.ProtocolViolations);
    }

    [Fact]
    public async Task Answers_whose_fields_have_the_wrong_kind_fail_as_invalid_responses_not_crashes()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/conversations.open", ScriptedResponse.Json("""{"ok":true,"channel":"D1"}"""));
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":true,"channel":5,"ts":{"x":1}}"""));
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":false,"error":["channel_not_found"]}"""));
        slack.Api.Enqueue("/api/apps.connections.open", ScriptedResponse.Json("""{"ok":true,"url":42}"""));
        slack.Api.Enqueue("/api/apps.connections.open", ScriptedResponse.Json("""{"ok":true,"url":"https://example.com/not-a-websocket"}"""));
        slack.Get<IOptions<SlackOptions>>().Value.AppToken = SlackHarness.AppToken; // without starting Socket Mode
        var api = slack.Get<SlackApiClient>();

        var open = await Assert.ThrowsAsync<ChatPlatformException>(() => api.OpenConversationAsync("U1", CancellationToken.None));
        var post = await Assert.ThrowsAsync<ChatPlatformException>(() => api.PostMessageAsync(new PostMessageRequest("C1", "x", []), CancellationToken.None));
        var error = await Assert.ThrowsAsync<ChatPlatformException>(() => api.PostMessageAsync(new PostMessageRequest("C1", "x", []), CancellationToken.None));
        var noUrl = await Assert.ThrowsAsync<ChatPlatformException>(() => api.OpenSocketConnectionAsync(CancellationToken.None));
        var notWebSocket = await Assert.ThrowsAsync<ChatPlatformException>(() => api.OpenSocketConnectionAsync(CancellationToken.None));

        Assert.Equal(["invalid_response", "invalid_response", "unknown_error", "invalid_response", "invalid_response"], new[] { open, post, error, noUrl, notWebSocket }.Select(e => e.Code));
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task Socket_mode_urls_are_opened_with_the_app_token_and_no_token_is_ever_logged()
    {
        await using var fake = await LoopbackHttpServer.StartAsync();
        fake.Enqueue("/api/apps.connections.open", ScriptedResponse.Json("""{"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=1"}"""));
        fake.Enqueue("/api/apps.connections.open", ScriptedResponse.Json("""{"ok":false,"error":"invalid_auth"}"""));
        fake.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":false,"error":"not_authed"}"""));
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<SlackChannelPacer>()
            .AddSingleton(TestMetrics.Unobserved)
            .AddSingleton<SlackApiClient>();
        services.AddHttpClient(SlackApiClient.HttpClientName);
        services.AddOptions<SlackOptions>().Configure(o =>
        {
            o.ApiBaseUrl = new Uri(fake.BaseAddress, "api");
            o.BotToken = SlackHarness.BotToken;
            o.AppToken = SlackHarness.AppToken;
        });
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<SlackApiClient>();

        var url = await api.OpenSocketConnectionAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ChatPlatformException>(() => api.OpenSocketConnectionAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ChatPlatformException>(() => api.PostMessageAsync(new PostMessageRequest("C1", "x", []), CancellationToken.None));

        Assert.Equal("wss://wss-primary.slack.com/link/?ticket=1", url.AbsoluteUri);
        Assert.Equal(("invalid_auth", true, true), (refused.Code, refused.IsPermanent, refused.IsCredentialRejected));
        Assert.Equal("Bearer " + SlackHarness.AppToken, fake.Requests[0].Header("Authorization"));
        Assert.Equal("/api/chat.postMessage", fake.Requests[2].Path);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => (e.Entry.Message + e.Entry.Exception?.Message).Contains("xoxb-", StringComparison.Ordinal) || (e.Entry.Message + e.Entry.Exception?.Message).Contains("xapp-", StringComparison.Ordinal));
    }
}
