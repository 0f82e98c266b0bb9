using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Alerts;

public sealed class AlertStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Alerts_get_short_increasing_ids_that_survive_a_restart_and_are_listed_per_owner()
    {
        using (var database = Open())
        {
            var store = Store(database);
            await store.TryAddAsync(Alert("U1", "mamba"), 25);
            await store.TryAddAsync(Alert("U2", "agents"), 25);
        }

        using var reopened = Open();
        var again = Store(reopened);
        var third = await again.TryAddAsync(Alert("U1", "world model"), 25);

        Assert.Equal("3", third!.Id);
        Assert.Equal(["1", "3"], (await again.ListForUserAsync("discord", "U1")).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["agents"], (await again.ListForUserAsync("discord", "U2")).Select(a => a.Query));
        Assert.Empty(await again.ListForUserAsync("slack", "U1"));
    }

    [Fact]
    public async Task Paused_alerts_are_not_active_and_a_removed_one_is_gone()
    {
        using var database = Open();
        var store = Store(database);
        var a = (await store.TryAddAsync(Alert("U1", "mamba"), 25))!;
        var b = (await store.TryAddAsync(Alert("U1", "agents"), 25))!;

        await store.UpdateAsync([a.Id], x => x with { PausedReason = "cannot send you direct messages", Matches = 4 });
        await store.RemoveAsync(b.Id);
        Assert.Empty(await store.UpdateAsync([b.Id], x => x with { Matches = 1 })); // a removed alert is not brought back

        Assert.Empty(await store.ListActiveAsync());
        var stored = Assert.Single(await store.ListForUserAsync("discord", "U1"));
        Assert.Null(await store.TryAddAsync(Alert("U1", "third"), maxPerOwner: 1));
        Assert.Equivalent(a with { PausedReason = "cannot send you direct messages", Matches = 4 }, stored, strict: true);
    }

    [Fact]
    public async Task A_users_delivery_settings_are_one_record_that_survives_a_restart_and_defaults_to_instant()
    {
        var berlin = AlertDigest.Parse("daily 08:00 Europe/Berlin");
        using (var database = Open())
        {
            var store = Store(database);
            await store.UpdateSettingsAsync("discord", "U1", s => s with { Digest = berlin });
            await store.UpdateSettingsAsync("discord", "U1", s => s with { DigestSentOn = new DateOnly(2026, 11, 23) });
        }

        using var reopened = Open();
        var again = Store(reopened);

        Assert.Equal(
            new AlertDeliverySettings { Platform = "discord", UserId = "U1", Digest = berlin, DigestSentOn = new DateOnly(2026, 11, 23) },
            await again.GetSettingsAsync("discord", "U1"));
        Assert.Equal(AlertDeliverySettings.For("slack", "U1"), await again.GetSettingsAsync("slack", "U1"));
    }

    [Fact]
    public async Task Settings_changed_at_once_by_the_user_and_the_worker_keep_both_changes()
    {
        using var database = Open();
        var store = Store(database);
        var daily = AlertDigest.Parse("daily 07:00");
        using var go = new ManualResetEventSlim();
        var work = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            go.Wait();
            await (i == 12
                ? store.UpdateSettingsAsync("discord", "U1", s => s with { Digest = daily })
                : store.UpdateSettingsAsync("discord", "U1", s => s with { DigestSentOn = new DateOnly(2026, 11, 1).AddDays(i) }));
        })).ToList();
        go.Set();
        await Task.WhenAll(work);

        var settings = await store.GetSettingsAsync("discord", "U1");
        Assert.Equal(daily, settings.Digest);
        Assert.NotNull(settings.DigestSentOn);
    }

    private static LiteDbAlertStore Store(ChatBotDatabase database) => new(database, NullLogger<LiteDbAlertStore>.Instance);

    private static Alert Alert(string user, string query) => new()
    {
        Platform = "discord",
        UserId = user,
        Query = query,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
