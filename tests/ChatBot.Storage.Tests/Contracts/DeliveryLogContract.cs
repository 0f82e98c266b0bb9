using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>
/// IDeliveryLog: batches recorded whole and once (with the log's own "recorded through"), a (user, paper) pair pending
/// until settled, a user's papers settled in sequence order, and a user's attempts shared by their pending papers.
/// </summary>
public abstract class DeliveryLogContract : StorageContract
{
    [ContractFact]
    public async Task A_user_and_paper_pair_is_recorded_once_and_stays_pending_until_marked_sent_across_restarts()
    {
        var delivery = new Delivery { Platform = "discord", UserId = "U1", PaperId = PaperId.Parse("2611.00001"), Sequence = 1, AlertIds = ["1", "3"] };
        Assert.Equal(1, await Storage.Deliveries.RecordNewAsync([delivery]));
        Assert.Equal(0, await Storage.Deliveries.RecordNewAsync([delivery with { AlertIds = ["4"] }]));

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
        var delivery = new Delivery { Platform = "slack", UserId = "U7", PaperId = PaperId.Parse("2611.00002"), Sequence = 2, AlertIds = ["2"] };
        Assert.Equal(1, await Storage.Deliveries.RecordNewAsync([delivery]));
        await Storage.Deliveries.SaveAsync([delivery with { State = DeliveryState.Sent, Attempts = 1 }]);

        await Storage.ReopenAsync();
        var recorded = await Storage.Deliveries.RecordNewAsync([delivery with { AlertIds = ["2", "5"] }]);

        Assert.Equal(0, recorded);
        Assert.Empty(await Storage.Deliveries.PendingAsync());
    }

    [ContractFact]
    public async Task A_batch_reads_back_every_user_paper_and_alert_once_and_recording_it_again_records_nothing()
    {
        var papers = Enumerable.Range(1, 70).Select(i => new BatchPaper(1000 + i, PaperId.Parse($"2611.{i:00000}"))).ToList();
        var users = Enumerable.Range(0, 20).Select(u =>
        {
            var odd = AlertMatches.NewSet(papers.Count);
            var tens = AlertMatches.NewSet(papers.Count);
            for (var p = 0; p < papers.Count; p++)
            {
                if ((p + u) % 2 == 1)
                {
                    odd[p >> 6] |= 1UL << p;
                }

                if (p % 10 == u % 10)
                {
                    tens[p >> 6] |= 1UL << p;
                }
            }

            return new UserMatches("discord", $"U{u}", [new AlertMatches($"a{u}", odd), new AlertMatches($"b{u}", tens)]);
        }).ToList();
        var expected = users.SelectMany(u => u.Positions().Select(p => $"{u.UserId}|{papers[p].Sequence}|{string.Join(',', u.AlertIdsAt(p))}")).ToList();

        var recorded = await Storage.Deliveries.RecordBatchAsync(new DeliveryBatch(1000, 1070, papers, users));
        var again = await Storage.Deliveries.RecordBatchAsync(new DeliveryBatch(1000, 1070, papers, users));

        Assert.Equal(expected.Count, recorded);
        Assert.Equal(0, again);
        var pending = await Storage.Deliveries.PendingAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), pending.Select(d => $"{d.UserId}|{d.Sequence}|{string.Join(',', d.AlertIds)}").Order(StringComparer.Ordinal));
        Assert.All(pending, d => Assert.Equal(papers.Single(p => p.Sequence == d.Sequence).Id, d.PaperId));
        Assert.Equal(1070, await Storage.Deliveries.RecordedThroughAsync());
    }

    [ContractFact]
    public async Task Sending_settles_a_users_papers_in_order_and_dropping_settles_the_rest()
    {
        var log = Storage.Deliveries;
        await log.RecordNewAsync([Waiting("U1", 1), Waiting("U2", 1), Waiting("U1", 2)]);
        await log.RecordNewAsync([Waiting("U1", 3)]);

        var first = (await log.PendingAsync()).Where(d => d.UserId == "U1" && d.Sequence <= 2).ToList();
        await log.SaveAsync([.. first.Select(d => d with { State = DeliveryState.Sent })]);
        Assert.Equal(["U1 3", "U2 1"], (await log.PendingAsync()).Select(d => $"{d.UserId} {d.Sequence}").Order(StringComparer.Ordinal));
        Assert.Equal(1, await log.DropPendingAsync("discord", "U2", "the user removed their last alert"));
        await log.SaveAsync([.. (await log.PendingAsync()).Select(d => d with { State = DeliveryState.Sent })]);

        Assert.Empty(await log.PendingAsync());
        Assert.Equal(0, await log.RecordNewAsync([Waiting("U1", 3)]));
    }

    [ContractFact]
    public async Task A_failed_attempt_is_the_users_shared_by_all_their_pending_papers_until_one_is_settled()
    {
        var log = Storage.Deliveries;
        await log.RecordNewAsync([Waiting("U1", 1), Waiting("U1", 2), Waiting("U2", 1)]);
        var retry = new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero);

        var tried = (await log.PendingAsync()).First(d => d.UserId == "U1" && d.Sequence == 1);
        await log.SaveAsync([tried with { Attempts = 2, RetryAt = retry, LastError = "50007: Cannot send" }]);
        var waiting = (await log.PendingAsync()).Where(d => d.UserId == "U1").ToList();
        var other = Assert.Single(await log.PendingAsync(), d => d.UserId == "U2");

        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, d => Assert.Equal((2, retry, "50007: Cannot send"), (d.Attempts, d.RetryAt!.Value, d.LastError)));
        Assert.Equal((0, (DateTimeOffset?)null, (string?)null), (other.Attempts, other.RetryAt, other.LastError));

        await log.SaveAsync([waiting[0] with { State = DeliveryState.Sent, Attempts = 3, LastError = null }]);
        var left = Assert.Single(await log.PendingAsync(), d => d.UserId == "U1");
        Assert.Equal((2L, 0, (DateTimeOffset?)null), (left.Sequence, left.Attempts, left.RetryAt));
    }

    [ContractFact]
    public async Task Pending_papers_come_a_user_at_a_time_across_batches_in_sequence_order_while_earlier_users_are_settled()
    {
        var log = Storage.Deliveries;
        await log.RecordNewAsync([Waiting("U1", 1), Waiting("U2", 1), Waiting("U1", 2)]);
        await log.RecordNewAsync([Waiting("U2", 3), Waiting("U1", 3)]);

        var seen = new List<string>();
        await foreach (var user in log.PendingByUserAsync())
        {
            // Each list is one user's, whole (both batches), in sequence order; settling it does not disturb the next.
            Assert.Single(user.Select(d => (d.Platform, d.UserId)).Distinct());
            seen.Add($"{user[0].UserId}: {string.Join(' ', user.Select(d => d.Sequence))}");
            await log.SaveAsync([.. user.Select(d => d with { State = DeliveryState.Sent })]);
        }

        Assert.Equal(["U1: 1 2 3", "U2: 1 3"], seen.Order(StringComparer.Ordinal));
        Assert.Empty(await log.PendingAsync());
    }

    private static Delivery Waiting(string user, long sequence) =>
        new() { Platform = "discord", UserId = user, PaperId = PaperId.Parse($"2611.{sequence:00000}"), Sequence = sequence, AlertIds = ["1"] };
}
