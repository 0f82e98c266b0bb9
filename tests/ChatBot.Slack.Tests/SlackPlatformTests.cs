using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests;

public sealed class SlackPlatformTests
{
    [Fact]
    public async Task A_direct_message_opens_the_conversation_once_then_posts_to_it()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/conversations.open", ScriptedResponse.Json("""{"ok":true,"channel":{"id":"D42"}}"""));
        slack.Api.Map("/api/chat.postMessage", _ => ScriptedResponse.Json("""{"ok":true,"channel":"D42","ts":"1.2"}"""));
        var platform = slack.Services.GetRequiredKeyedService<IChatPlatform>("slack");

        var first = await platform.SendDirectMessageAsync("U7", Reply.Message("New papers for your alert"), CancellationToken.None);
        await platform.SendDirectMessageAsync("U7", Reply.Message("More"), CancellationToken.None);

        Assert.Equal("slack", platform.Name);
        Assert.Equal(new PostedMessage("D42", "1.2"), first);
        Assert.Equal(["/api/conversations.open", "/api/chat.postMessage", "/api/chat.postMessage"], slack.Api.Requests.Select(r => r.Path));
        using var open = JsonDocument.Parse(slack.Api.Requests[0].Body);
        Assert.Equal("U7", open.RootElement.GetProperty("users").GetString());
        using var post = JsonDocument.Parse(slack.Api.Requests[1].Body);
        Assert.Equal("D42", post.RootElement.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task A_daily_thread_posts_the_parent_and_its_replies_under_the_parents_ts()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":true,"channel":"C9","ts":"100.1"}"""));
        slack.Api.Map("/api/chat.postMessage", _ => ScriptedResponse.Json("""{"ok":true,"channel":"C9","ts":"100.2"}"""));
        var platform = slack.Services.GetRequiredKeyedService<IChatPlatform>("slack");

        var thread = await platform.StartThreadAsync("C9", Reply.Message("Today's papers"), "Trending papers, 2026-11-23", CancellationToken.None);
        await platform.ReplyInThreadAsync(thread, new Reply { Papers = [new PaperCard(TestPapers.Arxiv("2501.00001", "One"), CardDetail.Brief)] }, CancellationToken.None);
        await platform.ReplyInThreadAsync(thread, new Reply { Papers = [new PaperCard(TestPapers.Arxiv("2501.00002", "Two"), CardDetail.Brief)] }, CancellationToken.None);

        Assert.Equal(new ThreadRef("C9", "100.1", "100.1"), thread);
        var bodies = slack.Api.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.False(bodies[0].TryGetProperty("thread_ts", out _));
        Assert.Equal("Trending papers, 2026-11-23", bodies[0].GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.All(bodies.Skip(1), b => Assert.Equal("100.1", b.GetProperty("thread_ts").GetString()));
        Assert.All(bodies.Skip(1), b => Assert.Equal("C9", b.GetProperty("channel").GetString()));
    }
}
