using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>IAlertStore: users' alerts with short ids, and each user's delivery settings, changed in transactions.</summary>
public abstract class AlertStoreContract : StorageContract
{
    [ContractFact]
    public async Task Alerts_get_short_increasing_ids_that_survive_a_restart_and_are_listed_per_owner()
    {
        await Storage.Alerts.TryAddAsync(Alert("U1", "mamba"), 25);
        await Storage.Alerts.TryAddAsync(Alert("U2", "agents"), 25);

        await Storage.ReopenAsync();
        var again = Storage.Alerts;
        var third = await again.TryAddAsync(Alert("U1", "world model"), 25);

        Assert.Equal("3", third!.Id);
        Assert.Equal(["1", "3"], (await again.ListForUserAsync("discord", "U1")).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["agents"], (await again.ListForUserAsync("discord", "U2")).Select(a => a.Query));
        Assert.Empty(await again.ListForUserAsync("slack", "U1"));
    }

    [ContractFact]
    public async Task Paused_alerts_are_not_active_and_a_removed_one_is_gone()
    {
        var store = Storage.Alerts;
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

    [ContractFact]
    public async Task An_alert_by_example_keeps_its_paper_through_a_restart_and_changes_and_a_query_alert_has_none()
    {
        var store = Storage.Alerts;
        var like = (await store.TryAddAsync(Alert("U1", "like:2106.04554") with { Like = PaperId.FromArxiv("2106.04554") }, 25))!;
        var titled = (await store.TryAddAsync(Alert("U1", "like:title:mamba") with { Like = PaperId.FromTitle("Mamba") }, 25))!;
        var words = (await store.TryAddAsync(Alert("U1", "mamba"), 25))!;
        await store.UpdateAsync([like.Id], x => x with { Matches = 2 });

        await Storage.ReopenAsync();
        var stored = (await Storage.Alerts.ListForUserAsync("discord", "U1")).ToDictionary(a => a.Id);

        Assert.Equivalent(like with { Matches = 2 }, stored[like.Id], strict: true);
        Assert.Equal(PaperId.FromArxiv("2106.04554"), stored[like.Id].Like);
        Assert.Equal(PaperId.FromTitle("Mamba"), stored[titled.Id].Like);
        Assert.Null(stored[words.Id].Like);
        Assert.Equal(3, (await Storage.Alerts.ListActiveAsync()).Count);
    }

    [ContractFact]
    public async Task A_users_delivery_settings_are_one_record_that_survives_a_restart_and_defaults_to_instant()
    {
        var berlin = AlertDigest.Parse("daily 08:00 Europe/Berlin");
        await Storage.Alerts.UpdateSettingsAsync("discord", "U1", s => s with { Digest = berlin });
        await Storage.Alerts.UpdateSettingsAsync("discord", "U1", s => s with { DigestSentOn = new DateOnly(2026, 11, 23) });

        await Storage.ReopenAsync();
        var again = Storage.Alerts;

        Assert.Equal(
            new AlertDeliverySettings { Platform = "discord", UserId = "U1", Digest = berlin, DigestSentOn = new DateOnly(2026, 11, 23) },
            await again.GetSettingsAsync("discord", "U1"));
        Assert.Equal(AlertDeliverySettings.For("slack", "U1"), await again.GetSettingsAsync("slack", "U1"));
    }

    [ContractFact]
    public async Task Settings_changed_at_once_by_the_user_and_the_worker_keep_both_changes()
    {
        var store = Storage.Alerts;
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

    [ContractFact]
    public async Task Adds_at_once_by_one_user_never_pass_the_limit_and_ids_never_repeat()
    {
        var store = Storage.Alerts;
        await store.TryAddAsync(Alert("U2", "someone else"), 25);
        using var go = new ManualResetEventSlim();
        var adds = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await store.TryAddAsync(Alert("U1", $"topic {i}"), maxPerOwner: 10);
        })).ToList();
        go.Set();
        var added = (await Task.WhenAll(adds)).OfType<Alert>().ToList();

        Assert.Equal(10, added.Count);
        var stored = await store.ListForUserAsync("discord", "U1");
        Assert.Equal(added.Select(a => a.Id).Order(StringComparer.Ordinal), stored.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(2, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), stored.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Removes_racing_match_counts_and_pauses_leave_every_removed_alert_removed()
    {
        var alerts = Storage.Alerts;
        for (var round = 0; round < 10; round++)
        {
            var alert = (await alerts.TryAddAsync(Alert($"U{round}", "mamba"), 25))!;
            using var go = new ManualResetEventSlim();
            var work = new List<Task> { Task.Run(async () => { go.Wait(); await alerts.RemoveAsync(alert.Id); }) };
            for (var i = 0; i < 6; i++)
            {
                var pause = i % 2 == 0;
                work.Add(Task.Run(async () =>
                {
                    go.Wait();
                    await alerts.UpdateAsync([alert.Id], a => pause ? a with { PausedReason = "paused by you" } : a with { Matches = a.Matches + 1 });
                }));
            }

            go.Set();
            await Task.WhenAll(work);

            Assert.Empty(await alerts.ListForUserAsync("discord", $"U{round}"));
        }
    }

    private static Alert Alert(string user, string query) => new()
    {
        Platform = "discord",
        UserId = user,
        Query = query,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };
}
