using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Storage.State;
using ChatBot.Storage.Tests.Search;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>
/// Databases written before delivery settings were a record: the alert store moves the settings found under the
/// old state keys into each user's record the first time it is used, once.
/// </summary>
public sealed class AlertSettingsMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Settings_kept_as_state_values_by_an_older_version_are_moved_into_each_users_record()
    {
        await WriteTheOldWayAsync(new()
        {
            ["alerts:digest:discord:U1"] = "daily|08:00|Europe/Berlin",
            ["alerts:digest-sent:discord:U1"] = "2026-11-22",
            ["alerts:digest:slack:U2"] = "instant",
            ["alerts:digest-sent:slack:U3"] = "2026-11-20", // chose a digest once, then instant
            ["alerts:cursor"] = "42",
            ["discord:commands-hash"] = "abc",
        });
        var logs = new RecordingLogger<LiteDbAlertStore>();

        using var database = Open();
        var store = new LiteDbAlertStore(database, logs);
        var u1 = await store.GetSettingsAsync("discord", "U1");

        Assert.Equal(new AlertDeliverySettings { Platform = "discord", UserId = "U1", Digest = AlertDigest.Parse("daily 08:00 Europe/Berlin"), DigestSentOn = new DateOnly(2026, 11, 22) }, u1);
        Assert.Equal(AlertDigest.Instant, (await store.GetSettingsAsync("slack", "U2")).Digest);
        Assert.Equal(new DateOnly(2026, 11, 20), (await store.GetSettingsAsync("slack", "U3")).DigestSentOn);
        Assert.Contains("Alert settings of 3 users moved", Assert.Single(logs.Entries, e => e.EventId.Id == 2040).Message, StringComparison.Ordinal);
        var state = new LiteDbStateStore(database);
        Assert.Null(await state.GetAsync("alerts:digest:discord:U1"));
        Assert.Null(await state.GetAsync("alerts:digest-sent:slack:U3"));
        Assert.Equal(("42", "abc"), (await state.GetAsync("alerts:cursor"), await state.GetAsync("discord:commands-hash")));
    }

    [Fact]
    public async Task Opening_again_moves_nothing_more_and_keeps_what_users_changed_since()
    {
        await WriteTheOldWayAsync(new() { ["alerts:digest:discord:U1"] = "daily|08:00|Europe/Berlin" });
        var later = AlertDigest.Parse("daily 19:30 Asia/Tokyo");
        using (var database = Open())
        {
            await new LiteDbAlertStore(database, new RecordingLogger<LiteDbAlertStore>()).UpdateSettingsAsync("discord", "U1", s => s with { Digest = later });
        }

        var logs = new RecordingLogger<LiteDbAlertStore>();
        using var reopened = Open();
        var settings = await new LiteDbAlertStore(reopened, logs).GetSettingsAsync("discord", "U1");

        Assert.Equal(later, settings.Digest);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 2040);
    }

    [Fact]
    public async Task Alerts_list_shows_a_moved_digest_choice_in_the_host()
    {
        await WriteTheOldWayAsync(new() { ["alerts:digest:slack:U1"] = "daily|07:15|America/New_York" });
        using var storage = new HostedStorage(_directory.Path);
        await storage.Get<IAlertStore>().TryAddAsync(new Alert { Platform = "slack", UserId = "U1", Query = "mamba" }, 25);

        var list = await storage.Get<CommandRouter>().HandleAsync(
            TextCommandParser.Parse("/alerts list") with { Caller = new Caller("slack", new ChatUser("U1")) { ChannelId = "C1" } }, CancellationToken.None);

        Assert.StartsWith("Papers come once a day at 07:15 America/New_York", list.Footer, StringComparison.Ordinal);
    }

    // As the version before the settings record wrote them: plain values in the state collection.
    private async Task WriteTheOldWayAsync(Dictionary<string, string> values)
    {
        using var database = Open();
        var state = new LiteDbStateStore(database);
        foreach (var (key, value) in values)
        {
            await state.SetAsync(key, value);
        }
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
