using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.DailyThreads;

/// <summary>
/// The <c>DailyThreads</c> section, and the <c>DailyPosts</c> and <c>DailyThread</c> sections it replaced:
/// old keys still bind, with one warning each at start; new keys win when both are set.
/// </summary>
public sealed class DailyThreadConfigurationTests : IDisposable
{
    private readonly RecordingLoggerProvider _logs = new();
    private ServiceProvider? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _logs.Dispose();
    }

    private static Dictionary<string, string?> Schedule(string section, string channel, string time = "09:00") => new()
    {
        [$"{section}:0:Platform"] = "discord",
        [$"{section}:0:ChannelId"] = channel,
        [$"{section}:0:Time"] = time,
        [$"{section}:0:TimeZone"] = "Europe/Berlin",
    };

    private ServiceProvider Build(params Dictionary<string, string?>[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.SelectMany(s => s)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(_logs));
        // The platform the schedules name, registered as a platform project registers itself.
        services.AddKeyedSingleton<IChatPlatform>("discord", new RecordingChatPlatform("discord"));
        DailyThreadConfiguration.Register(services);
        _services = services.BuildServiceProvider();
        return _services;
    }

    private static async Task StartAsync(ServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private List<string> Warnings() =>
        [.. _logs.Entries.Where(e => e.Entry.Level == LogLevel.Warning).Select(e => e.Entry.Message)];

    [Fact]
    public async Task The_old_sections_still_bind_and_each_is_named_with_its_new_name_in_one_warning_at_start()
    {
        var services = Build(Schedule("DailyPosts", "7"), new() { ["DailyThread:RetryDelay"] = "00:05:00", ["DailyThread:PostQuietDayNote"] = "true" });

        var schedules = services.GetRequiredService<IOptions<DailyThreadSchedulesOptions>>().Value;
        var thread = services.GetRequiredService<IOptions<DailyThreadOptions>>().Value;
        // Read through the monitor as well: the warning must not repeat with each reader.
        _ = services.GetRequiredService<IOptionsMonitor<DailyThreadOptions>>().CurrentValue;
        await StartAsync(services);

        Assert.Equal("7", Assert.Single(schedules).ChannelId);
        Assert.Equal("DailyPosts", schedules.ConfigurationPath);
        Assert.Equal(TimeSpan.FromMinutes(5), thread.RetryDelay);
        Assert.True(thread.PostQuietDayNote);
        var warnings = Warnings();
        Assert.Equal(2, warnings.Count);
        Assert.Single(warnings, w => w.StartsWith("The configuration section DailyPosts is now DailyThreads:Schedules (environment variables DailyPosts__\u2026 are now DailyThreads__Schedules__\u2026)", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.StartsWith("The configuration section DailyThread is now DailyThreads (environment variables DailyThread__\u2026 are now DailyThreads__\u2026)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_new_keys_win_when_old_and_new_are_both_set()
    {
        var services = Build(
            Schedule("DailyPosts", "7"),
            Schedule("DailyThreads:Schedules", "8", time: "18:00"),
            new() { ["DailyThread:RetryDelay"] = "00:05:00", ["DailyThread:CatchUpWindow"] = "02:00:00", ["DailyThreads:RetryDelay"] = "00:10:00" });

        var schedules = services.GetRequiredService<IOptions<DailyThreadSchedulesOptions>>().Value;
        var thread = services.GetRequiredService<IOptions<DailyThreadOptions>>().Value;
        await StartAsync(services);

        // The list is taken whole from the new section, never merged entry by entry with the old one.
        var schedule = Assert.Single(schedules);
        Assert.Equal(("8", "18:00"), (schedule.ChannelId, schedule.Time));
        Assert.Equal("DailyThreads:Schedules", schedules.ConfigurationPath);
        Assert.Equal(TimeSpan.FromMinutes(10), thread.RetryDelay);
        Assert.Equal(TimeSpan.FromHours(2), thread.CatchUpWindow); // set only in the old section
        var warnings = Warnings();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("The configuration section DailyPosts is ignored: DailyThreads:Schedules replaces it and is set. Remove DailyPosts", warnings);
        Assert.Single(warnings, w => w.StartsWith("The configuration section DailyThread is now DailyThreads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_new_section_alone_binds_without_a_warning()
    {
        var services = Build(Schedule("DailyThreads:Schedules", "9"), new() { ["DailyThreads:FreshWindow"] = "2.00:00:00" });

        var schedules = services.GetRequiredService<IOptions<DailyThreadSchedulesOptions>>().Value;
        var thread = services.GetRequiredService<IOptions<DailyThreadOptions>>().Value;
        await StartAsync(services);

        Assert.Equal("9", Assert.Single(schedules).ChannelId);
        Assert.Equal(TimeSpan.FromDays(2), thread.FreshWindow);
        Assert.Empty(Warnings());
    }

    [Theory]
    [InlineData("DailyPosts")]
    [InlineData("DailyThreads:Schedules")]
    public void A_bad_schedule_is_refused_naming_the_key_as_the_operator_wrote_it(string section)
    {
        var settings = Schedule(section, "7");
        settings[$"{section}:0:TimeZone"] = "Europe/Berln";
        var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DailyThreadSchedulesOptions>>().Value);

        Assert.StartsWith($"{section}:0:TimeZone 'Europe/Berln' is not a known time zone", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_thread_setting_is_refused_naming_the_new_key()
    {
        var services = Build(new Dictionary<string, string?> { ["DailyThreads:RetryDelay"] = "02:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DailyThreadOptions>>().Value);

        // The data-annotations wrapper around it is trimmed by the host's configuration report.
        Assert.Contains("DailyThreads:RetryDelay must be between 00:00:01 and 01:00:00.", Assert.Single(error.Failures), StringComparison.Ordinal);
    }
}
