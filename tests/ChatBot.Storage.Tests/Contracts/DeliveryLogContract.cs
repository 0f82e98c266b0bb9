using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>IDeliveryLog: every (user, paper) the alerts chose, recorded once, pending until sent or dropped.</summary>
public abstract class DeliveryLogContract : StorageContract
{
    [ContractFact]
    public async Task A_user_and_paper_pair_is_recorded_once_and_stays_pending_until_marked_sent_across_restarts()
    {
        var delivery = new Delivery { Platform = "discord", UserId = "U1", PaperId = PaperId.Parse("2611.00001"), AlertIds = ["1", "3"] };
        Assert.Single(await Storage.Deliveries.RecordNewAsync([delivery]));
        Assert.Empty(await Storage.Deliveries.RecordNewAsync([delivery with { AlertIds = ["4"] }]));

        await Storage.ReopenAsync();
        var again = Storage.Deliveries;
        var pending = Assert.Single(await again.PendingAsync());
        Assert.Equivalent(delivery, pending, strict: true);

        var retry = new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero);
        await again.SaveAsync([pending with { Attempts = 1, RetryAt = retry, LastError = "50007: Cannot send" }]);
        Assert.Equal(retry, Assert.Single(await again.PendingAsync()).RetryAt);
        await again.SaveAsync([pending with { State = DeliveryState.Sent }]);
        Assert.Empty(await again.PendingAsync());
    }

    [ContractFact]
    public async Task A_pair_sent_before_the_database_was_reopened_is_not_recorded_again()
    {
        var delivery = new Delivery { Platform = "slack", UserId = "U7", PaperId = PaperId.Parse("2611.00002"), AlertIds = ["2"] };
        Assert.Single(await Storage.Deliveries.RecordNewAsync([delivery]));
        await Storage.Deliveries.SaveAsync([delivery with { State = DeliveryState.Sent, Attempts = 1 }]);

        await Storage.ReopenAsync();
        var again = Storage.Deliveries;
        var recorded = await again.RecordNewAsync([delivery with { AlertIds = ["2", "5"] }]);

        Assert.Empty(recorded);
        Assert.Empty(await again.PendingAsync());
    }

    [ContractFact]
    public async Task A_batch_records_only_its_new_pairs_once_each_and_dropping_touches_one_users_pending_ones()
    {
        Delivery For(string user, string paper) => new() { Platform = "discord", UserId = user, PaperId = PaperId.Parse(paper), AlertIds = ["1"] };
        await Storage.Deliveries.RecordNewAsync([For("U1", "2611.00001")]);
        await Storage.Deliveries.SaveAsync([For("U1", "2611.00001") with { State = DeliveryState.Sent }]);

        var recorded = await Storage.Deliveries.RecordNewAsync([For("U1", "2611.00001"), For("U1", "2611.00002"), For("U1", "2611.00002"), For("U2", "2611.00002")]);
        var dropped = await Storage.Deliveries.DropPendingAsync("discord", "U1", "cannot send you direct messages");

        Assert.Equal([("U1", "2611.00002"), ("U2", "2611.00002")], recorded.Select(d => (d.UserId, d.PaperId.Value)));
        Assert.Equal(1, dropped);
        var left = Assert.Single(await Storage.Deliveries.PendingAsync());
        Assert.Equal(("U2", "2611.00002"), (left.UserId, left.PaperId.Value));
        Assert.Empty(await Storage.Deliveries.RecordNewAsync([For("U1", "2611.00002")])); // dropped stays recorded
    }
}
