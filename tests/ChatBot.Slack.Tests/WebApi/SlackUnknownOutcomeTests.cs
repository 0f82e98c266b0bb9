using ChatBot.Core.Chat;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Slack.WebApi;
using ChatBot.Testing;

namespace ChatBot.Slack.Tests.WebApi;

/// <summary>
/// A call whose answer never came (a timeout) or was a server error may have been acted on. Slack takes no
/// idempotency key (https://api.slack.com/methods/chat.postMessage lists none), so a message is never sent again:
/// the call fails as a transient error for its owner to retry. A call Slack cannot act on twice
/// (<c>conversations.open</c> "opens or resumes" the one direct message) is sent again.
/// </summary>
public sealed class SlackUnknownOutcomeTests
{
    private const string Posted = """{"ok":true,"channel":"C1","ts":"1700000000.000100","message":{}}""";

    [Fact]
    public async Task A_message_whose_answer_timed_out_is_not_posted_again_and_fails_as_a_transient_error()
    {
        await using var slack = await SlackHarness.StartAsync(apiTimeout: TimeSpan.FromMilliseconds(500));
        slack.Api.Map("POST", "/api/chat.postMessage", async (_, aborted) =>
        {
            // Slack posted it, but the answer never reaches the client.
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
            return ScriptedResponse.Json(Posted);
        });

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(
            () => slack.Get<SlackApiClient>().PostMessageAsync(new PostMessageRequest("C1", "hello", []), CancellationToken.None));

        Assert.Equal(("slack", "network", false), (failure.Platform, failure.Code, failure.IsPermanent));
        Assert.Single(slack.Api.Requests, r => r.Path == "/api/chat.postMessage");
    }

    [Theory]
    [InlineData(503, null)]
    [InlineData(200, "fatal_error")]
    public async Task A_message_answered_with_a_server_error_is_not_posted_again(int status, string? error)
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Map("/api/chat.postMessage", _ => error is null
            ? ScriptedResponse.Status(status, "Service Unavailable")
            : ScriptedResponse.Json($$"""{"ok":false,"error":"{{error}}"}"""));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(
            () => slack.Get<SlackApiClient>().PostMessageAsync(new PostMessageRequest("C1", "hello", []), CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Single(slack.Api.Requests, r => r.Path == "/api/chat.postMessage");
    }

    [Fact]
    public async Task Opening_a_direct_message_after_a_server_error_is_sent_again_and_succeeds()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        await using var slack = await SlackHarness.StartAsync(timeProvider: clock);
        slack.Api.Enqueue(
            "/api/conversations.open",
            ScriptedResponse.Status(503, "Service Unavailable"),
            ScriptedResponse.Json("""{"ok":true,"channel":{"id":"D1"}}"""));

        var opening = slack.Get<SlackApiClient>().OpenConversationAsync("U1", CancellationToken.None);
        var backoff = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
        clock.Advance(backoff);

        Assert.Equal("D1", await opening);
        Assert.Equal(TimeSpan.FromSeconds(0.5), backoff);
        Assert.Equal(2, slack.Api.Requests.Count(r => r.Path == "/api/conversations.open"));
    }

    [Fact]
    public async Task A_call_that_keeps_failing_gives_up_after_a_bounded_number_of_attempts()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        await using var slack = await SlackHarness.StartAsync(timeProvider: clock);
        slack.Api.Map("/api/conversations.open", _ => ScriptedResponse.Status(500, "Internal Server Error"));

        var opening = slack.Get<SlackApiClient>().OpenConversationAsync("U1", CancellationToken.None);
        var backoffs = new List<double>();
        for (var retry = 1; retry < SlackApiClient.MaxUnknownOutcomeAttempts; retry++)
        {
            var backoff = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
            backoffs.Add(backoff.TotalSeconds);
            clock.Advance(backoff);
        }

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => opening);

        Assert.Equal(("http_500", false), (failure.Code, failure.IsPermanent));
        Assert.Equal([0.5, 1, 2], backoffs);
        Assert.Equal(SlackApiClient.MaxUnknownOutcomeAttempts, slack.Api.Requests.Count(r => r.Path == "/api/conversations.open"));
    }
}
