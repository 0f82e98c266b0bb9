using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.DailyThreads;

public sealed class DailyThreadScheduleCatalogTests
{
    private readonly InMemoryScheduleStore _store = new();
    private readonly ChatPlatforms _platforms = new([new RecordingChatPlatform("discord"), new RecordingChatPlatform("slack"), new RecordingChatPlatform("console")]);

    private static DailyThreadSchedulesOptions Configured(params DailyThreadScheduleSetting[] settings)
    {
        var options = new DailyThreadSchedulesOptions();
        options.AddRange(settings);
        return options;
    }

    private static DailyThreadScheduleSetting Setting(string channel, string time = "09:00") => new()
    {
        Platform = "discord",
        ChannelId = channel,
        Time = time,
        TimeZone = "Europe/Berlin",
    };

    [Fact]
    public async Task Configured_schedules_are_listed_and_an_admin_setting_for_the_same_channel_replaces_one()
    {
        var catalog = new DailyThreadScheduleCatalog(_store, Options.Create(Configured(Setting("1"), Setting("2"))), _platforms);
        await _store.SaveAsync(DailyThreadScheduleParser.FromSetting(Setting("2", time: "18:00"), _platforms));

        var schedules = await catalog.ListAsync(CancellationToken.None);

        Assert.Equal([("discord:1", new TimeOnly(9, 0)), ("discord:2", new TimeOnly(18, 0))],
            schedules.Select(s => (s.Id, s.LocalTime)).OrderBy(s => s.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pausing_a_configured_schedule_keeps_it_paused_with_its_reason()
    {
        var catalog = new DailyThreadScheduleCatalog(_store, Options.Create(Configured(Setting("1"))), _platforms);
        var schedule = Assert.Single(await catalog.ListAsync(CancellationToken.None));

        await catalog.PauseAsync(schedule, "10003 Unknown Channel", CancellationToken.None);

        Assert.Equal("10003 Unknown Channel", Assert.Single(await catalog.ListAsync(CancellationToken.None)).PausedReason);
        Assert.True(catalog.IsConfigured("discord:1"));
    }

    [Fact]
    public void The_validator_names_each_bad_field_and_a_channel_configured_twice()
    {
        var options = Configured(
            new DailyThreadScheduleSetting { Platform = "teams", ChannelId = "", Time = "25:00", TimeZone = "Mars/Olympus", Top = 50, Filter = "autor:x" },
            Setting("7"),
            Setting("7"));
        options[0].Weekdays.Add("Funday");
        // Read from the old section name: the messages name the keys as the operator wrote them.
        options.ConfigurationPath = "DailyPosts";

        var result = new DailyThreadSchedulesValidator(_platforms).Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:Platform 'teams' is not a platform", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:ChannelId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:Time '25:00'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:TimeZone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:Top 50 papers", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:Filter", StringComparison.Ordinal) && f.Contains("author:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:0:Weekdays:0 'Funday'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DailyPosts:2:ChannelId 7 has a daily thread already", StringComparison.Ordinal));
    }

    [Fact]
    public void The_validator_accepts_a_filter_by_meaning_and_names_the_key_of_one_with_no_words_to_compare()
    {
        var good = Setting("7");
        good.Filter = "mode:semantic robots that learn from video";
        var bad = Setting("8");
        bad.Filter = "mode:semantic author:lecun";

        var result = new DailyThreadSchedulesValidator(_platforms).Validate(null, Configured(good, bad));

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("DailyThreads:Schedules:1:Filter The filter 'mode:semantic author:lecun' asks for mode:semantic but has no words", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_names_the_new_section_by_default()
    {
        var options = Configured(new DailyThreadScheduleSetting { Platform = "discord", ChannelId = "7", Time = "9am", TimeZone = "Europe/Berlin" });

        var result = new DailyThreadSchedulesValidator(_platforms).Validate(null, options);

        Assert.StartsWith("DailyThreads:Schedules:0:Time '9am' is not a time of day", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
