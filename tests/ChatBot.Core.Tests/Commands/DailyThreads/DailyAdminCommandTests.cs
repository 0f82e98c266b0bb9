using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.DailyThreads;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Commands.DailyThreads;

/// <summary>/papers-admin daily … through the router, as any platform would run it.</summary>
public sealed class DailyAdminCommandTests
{
    private const string AdminHint = "ask the workspace owner to list you in AdminUserIds.";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryScheduleStore _store = new();
    private readonly InMemoryPostLog _log = new();
    private readonly InMemoryPaperStore _papers;
    private readonly DailyThreadSchedulesOptions _configured = [];
    private readonly CommandRouter _router;

    public DailyAdminCommandTests()
    {
        _papers = new InMemoryPaperStore(_clock);
        var catalog = new DailyThreadScheduleCatalog(_store, Options.Create(_configured), new ChatPlatforms([new RecordingChatPlatform("discord"), new RecordingChatPlatform("slack"), new RecordingChatPlatform("console")]));
        var composer = new DailyThreadComposer(_papers, new RecordingSearchIndex(), Options.Create(new TrendingOptions()), Options.Create(new DailyThreadOptions()));
        _router = new CommandRouter(
            [
                new DailySetCommand(_store, _clock),
                new DailyOffCommand(_store, catalog),
                new DailyShowCommand(catalog, _log, _clock),
                new DailyPreviewCommand(catalog, _log, composer, _clock),
            ],
            TestMetrics.Unobserved,
            NullLogger<CommandRouter>.Instance);
    }

    [Fact]
    public async Task An_admin_sets_the_channel_schedule_and_is_told_when_it_next_posts()
    {
        var reply = await Run("daily set 09:00 Europe/Berlin --top 3", admin: true);

        Assert.False(reply.IsError, reply.Text[0]);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("every day at 09:00 Europe/Berlin, the top 3 trending papers", reply.Text[0], StringComparison.Ordinal);
        Assert.Contains("Next: Tue 24 Nov 09:00", reply.Text[0], StringComparison.Ordinal);
        var schedule = Assert.Single(await _store.ListAsync());
        Assert.Equal(("slack:C1", new TimeOnly(9, 0), 3), (schedule.Id, schedule.LocalTime, schedule.Top));
    }

    [Fact]
    public async Task A_user_without_the_right_is_refused_with_the_platforms_hint_and_nothing_changes()
    {
        var reply = await Run("daily set 09:00 Europe/Berlin", admin: false);

        // Each platform says how one becomes an admin there (Discord and Slack test their own hints).
        Assert.True(reply.IsError);
        Assert.Equal("Only admins can use /papers-admin: " + AdminHint, reply.Text[0]);
        Assert.Empty(await _store.ListAsync());
    }

    [Theory]
    [InlineData("daily set 9am Europe/Berlin", "'9am' is not a time of day; use 24-hour HH:mm, e.g. 09:00")]
    [InlineData("daily set 09:00 Europe/Berln", "'Europe/Berln' is not a known time zone; use an IANA name such as Europe/Berlin")]
    [InlineData("daily set 09:00 UTC --filter autor:x", "The filter 'autor:x' is not a valid query")]
    public async Task A_bad_time_zone_time_or_filter_is_refused_with_a_valid_example(string line, string message)
    {
        var reply = await Run(line, admin: true);

        Assert.True(reply.IsError);
        Assert.Contains(message, reply.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_tells_the_schedule_and_the_reason_it_is_paused()
    {
        await Run("daily set 07:30 America/New_York", admin: true);
        var schedule = Assert.Single(await _store.ListAsync());
        await _store.SaveAsync(schedule with { PausedReason = "3 failures in a row, the last: slack channel_not_found" });

        var reply = await Run("daily show", admin: true);

        Assert.Contains("07:30 America/New_York", reply.Text[0], StringComparison.Ordinal);
        Assert.Contains("paused: 3 failures in a row, the last: slack channel_not_found", reply.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_removes_an_admin_schedule_and_pauses_a_configured_one()
    {
        await Run("daily set 09:00 UTC", admin: true);
        Assert.Contains("turned off", (await Run("daily off", admin: true)).Text[0], StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync());

        _configured.Add(new DailyThreadScheduleSetting { Platform = "slack", ChannelId = "C1", Time = "09:00", TimeZone = "UTC" });
        var reply = await Run("daily off", admin: true);

        Assert.Contains("configuration", reply.Text[0], StringComparison.Ordinal);
        Assert.StartsWith("turned off by", Assert.Single(await _store.ListAsync()).PausedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_the_papers_privately_without_posting_or_recording_anything()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2611.00001", "Fresh paper", upvotes: 30) with { ListedAt = _clock.GetUtcNow() }]);
        await Run("daily set 09:00 UTC", admin: true);

        var reply = await Run("daily preview", admin: true);

        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal(["Fresh paper"], reply.Papers.Select(c => c.Paper.Title));
        Assert.Empty(_log.Records);
    }

    [Fact]
    public async Task Preview_in_a_channel_without_a_schedule_uses_the_defaults_and_says_how_to_set_one()
    {
        await _papers.UpsertAsync([.. Enumerable.Range(1, 7).Select(i => TestPapers.Arxiv($"2611.0000{i}", $"Fresh paper {i}", upvotes: 10 * i) with { ListedAt = _clock.GetUtcNow() })]);

        var reply = await Run("daily preview", admin: true);

        Assert.False(reply.IsError, string.Join(" ", reply.Text));
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal(5, reply.Papers.Count); // the default top 5
        Assert.Contains("no daily thread yet, so this preview uses the defaults", reply.Text[0], StringComparison.Ordinal);
        Assert.Contains("/papers-admin daily set 09:00 Europe/Berlin", reply.Text[0], StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync());
        Assert.Empty(_log.Records);
    }

    private Task<Reply> Run(string line, bool admin) =>
        _router.HandleAsync(
            TextCommandParser.Parse("/papers-admin " + line) with
            {
                Caller = new Caller("slack", new ChatUser("U1", "ada")) { ChannelId = "C1", IsAdmin = admin, AdminHint = AdminHint },
            },
            CancellationToken.None);
}
