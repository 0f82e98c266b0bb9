using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Alerts;

public sealed class DeliveryLogTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_batch_over_several_pages_reads_back_every_user_paper_and_alert_once()
    {
        var papers = Enumerable.Range(1, 130).Select(i => new BatchPaper(1000 + i, PaperId.Parse($"2611.{i:00000}"))).ToList();
        var users = Enumerable.Range(0, 300).Select(u =>
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
        using var database = Open();
        var log = new LiteDbDeliveryLog(database, pageBytes: 256); // a page every few users

        var recorded = await log.RecordBatchAsync(new DeliveryBatch(1000, 1130, papers, users));

        Assert.Equal(expected.Count, recorded);
        Assert.True(database.Database.GetCollection("alert_matches").Count() > 10);
        var pending = await log.PendingAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), pending.Select(d => $"{d.UserId}|{d.Sequence}|{string.Join(',', d.AlertIds)}").Order(StringComparer.Ordinal));
        Assert.All(pending, d => Assert.Equal(papers.Single(p => p.Sequence == d.Sequence).Id, d.PaperId));
        Assert.Equal(1130, await log.RecordedThroughAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Pending_deliveries_read_a_few_stored_pages_at_a_time_are_every_one_in_the_same_order(int readChunk)
    {
        var papers = Enumerable.Range(1, 70).Select(i => new BatchPaper(2000 + i, PaperId.Parse($"2611.{i:00000}"))).ToList();
        var users = Enumerable.Range(0, 120).Select(u =>
        {
            var some = AlertMatches.NewSet(papers.Count);
            for (var p = u % 5; p < papers.Count; p += 1 + (u % 7))
            {
                some[p >> 6] |= 1UL << p;
            }

            return new UserMatches("discord", $"U{u}", [new AlertMatches($"a{u}", some)]);
        }).ToList();
        using var database = Open();
        var recorded = await new LiteDbDeliveryLog(database, pageBytes: 200).RecordBatchAsync(new DeliveryBatch(2000, 2070, papers, users));
        var pages = database.Database.GetCollection("alert_matches").Count();

        var whole = await ByUserAsync(new LiteDbDeliveryLog(database, readChunk: 1_000));
        var chunked = await ByUserAsync(new LiteDbDeliveryLog(database, readChunk: readChunk));

        Assert.True(pages > 3 * readChunk, $"{pages} pages");
        Assert.Equal(recorded, whole.Sum(user => user.Split(' ').Length - 1));
        Assert.Equal(whole, chunked);
    }

    [Fact]
    public async Task Sending_settles_a_users_papers_in_order_and_drops_the_pages_left_with_nothing_pending()
    {
        using var database = Open();
        var log = new LiteDbDeliveryLog(database);
        await log.RecordNewAsync([Waiting("U1", 1), Waiting("U2", 1), Waiting("U1", 2)]);
        await log.RecordNewAsync([Waiting("U1", 3)]);

        var first = (await log.PendingAsync()).Where(d => d.UserId == "U1" && d.Sequence <= 2).ToList();
        await log.SaveAsync([.. first.Select(d => d with { State = DeliveryState.Sent })]);
        Assert.Equal(["U1 3", "U2 1"], (await log.PendingAsync()).Select(d => $"{d.UserId} {d.Sequence}").Order(StringComparer.Ordinal));
        Assert.Equal(1, await log.DropPendingAsync("discord", "U2", "the user removed their last alert"));
        await log.SaveAsync([.. (await log.PendingAsync()).Select(d => d with { State = DeliveryState.Sent })]);

        Assert.Empty(await log.PendingAsync());
        Assert.Equal(0, database.Database.GetCollection("alert_matches").Count());
        Assert.Equal(0, await log.RecordNewAsync([Waiting("U1", 3)]));
    }

    // Each user's pending deliveries as one line, in the order the log hands them on.
    private static async Task<List<string>> ByUserAsync(LiteDbDeliveryLog log)
    {
        var users = new List<string>();
        await foreach (var user in log.PendingByUserAsync())
        {
            users.Add($"{user[0].UserId}: {string.Join(' ', user.Select(d => $"{d.Sequence}/{string.Join(',', d.AlertIds)}"))}");
        }

        return users;
    }

    private static Delivery Waiting(string user, long sequence) =>
        new() { Platform = "discord", UserId = user, PaperId = PaperId.Parse($"2611.{sequence:00000}"), Sequence = sequence, AlertIds = ["1"] };

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
