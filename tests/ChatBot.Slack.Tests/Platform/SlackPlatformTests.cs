using System.Text.Json;
using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Slack.Tests.Fakes;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests.Platform;

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
        Assert.Empty(slack.ProtocolViolations);
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
        Assert.Empty(slack.ProtocolViolations);
    }

    // Slack shows a message's top-level text in notifications, and screen readers read it instead of the blocks
    // (https://api.slack.com/methods/chat.postMessage, "text": "used as fallback text for notifications"), so
    // each message the bot posts on its own must say what it is.
    [Fact]
    public async Task A_daily_threads_parent_notifies_with_its_heading_and_each_reply_with_its_papers_title()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Enqueue("/api/chat.postMessage", ScriptedResponse.Json("""{"ok":true,"channel":"C9","ts":"100.1"}"""));
        slack.Api.Map("/api/chat.postMessage", _ => ScriptedResponse.Json("""{"ok":true,"channel":"C9","ts":"100.2"}"""));
        var platform = slack.Services.GetRequiredKeyedService<IChatPlatform>("slack");
        var date = new DateOnly(2026, 11, 23);
        var papers = new[] { "Sparse mixtures of experts", "Diffusion at scale" }
            .Select((title, i) => new TrendingResult(TestPapers.Arxiv($"2611.0000{i + 1}", title, upvotes: 10 - i), 10 - i, 5, TimeSpan.FromDays(1), "+5 upvotes today"))
            .ToList();

        var thread = await platform.StartThreadAsync("C9", DailyThreadMessages.Parent(date, papers, TimeSpan.FromDays(3)), DailyThreadMessages.Title(date), CancellationToken.None);
        foreach (var (paper, rank) in papers.Select((p, i) => (p, i + 1)))
        {
            await platform.ReplyInThreadAsync(thread, DailyThreadMessages.Paper(paper, rank), CancellationToken.None);
        }

        var texts = slack.Api.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Trending papers \u2014 Mon 23 Nov", "Sparse mixtures of experts", "Diffusion at scale"], texts);
        Assert.Empty(slack.ProtocolViolations);
    }

    [Fact]
    public async Task An_alert_direct_message_notifies_with_the_alerts_query()
    {
        await using var slack = await SlackHarness.StartAsync();
        slack.Api.Map("/api/conversations.open", _ => ScriptedResponse.Json("""{"ok":true,"channel":{"id":"D42"}}"""));
        slack.Api.Map("/api/chat.postMessage", _ => ScriptedResponse.Json("""{"ok":true,"channel":"D42","ts":"1.2"}"""));
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var papers = new InMemoryPaperStore(clock);
        var alerts = new InMemoryAlertStore();
        var state = new InMemoryStateStore();
        var deliveries = new InMemoryDeliveryLog();
        using var metrics = new TestMetrics();
        var service = TestAlertDelivery.Create(papers, alerts, deliveries, state, new TitleWordMatcher(), new ChatPlatforms([slack.Services.GetRequiredKeyedService<IChatPlatform>("slack")]), metrics.Metrics, clock);
        await alerts.TryAddAsync(new Alert { Platform = "slack", UserId = "U7", Query = "diffusion", CreatedAt = clock.GetUtcNow() }, int.MaxValue);
        await service.RunAsync(CancellationToken.None); // the first run only sets the cursor: alerts are for news
        await papers.UpsertAsync([TestPapers.Arxiv("2611.00001", "Diffusion at scale")]);

        await service.RunAsync(CancellationToken.None);

        var post = Assert.Single(slack.Api.Requests, r => r.Path == "/api/chat.postMessage");
        Assert.Equal("New paper for your alert \u201cdiffusion\u201d", JsonDocument.Parse(post.Body).RootElement.GetProperty("text").GetString());
        Assert.Empty(slack.ProtocolViolations);
    }

    // Every word of the alert must occur in the title.
    private sealed class TitleWordMatcher : IAlertMatcher
    {
        public Task<IReadOnlyList<AlertMatch>> MatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AlertMatch>>([.. from alert in alerts
                from paper in papers
                where alert.Query.Clauses.All(c => c.AnyOf.Any(t => paper.Title.Contains(t.Text, StringComparison.OrdinalIgnoreCase)))
                select new AlertMatch(alert.AlertId, paper.Id)]);
    }
}
