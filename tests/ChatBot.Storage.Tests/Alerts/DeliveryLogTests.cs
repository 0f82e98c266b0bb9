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
    public async Task A_user_and_paper_pair_is_recorded_once_and_stays_pending_until_marked_sent_across_restarts()
    {
        var delivery = new Delivery { Platform = "discord", UserId = "U1", PaperId = PaperId.Parse("2611.00001"), AlertIds = ["1", "3"] };
        using (var database = Open())
        {
            var log = new LiteDbDeliveryLog(database);
            Assert.Single(await log.RecordNewAsync([delivery]));
            Assert.Empty(await log.RecordNewAsync([delivery with { AlertIds = ["4"] }]));
        }

        using var reopened = Open();
        var again = new LiteDbDeliveryLog(reopened);
        var pending = Assert.Single(await again.PendingAsync());
        Assert.Equivalent(delivery, pending, strict: true);

        var retry = new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero);
        await again.SaveAsync([pending with { Attempts = 1, RetryAt = retry, LastError = "50007: Cannot send" }]);
        Assert.Equal(retry, Assert.Single(await again.PendingAsync()).RetryAt);
        await again.SaveAsync([pending with { State = DeliveryState.Sent }]);
        Assert.Empty(await again.PendingAsync());
    }

    [Fact]
    public async Task A_pair_sent_before_the_database_was_reopened_is_not_recorded_again()
    {
        var delivery = new Delivery { Platform = "slack", UserId = "U7", PaperId = PaperId.Parse("2611.00002"), AlertIds = ["2"] };
        using (var database = Open())
        {
            var log = new LiteDbDeliveryLog(database);
            Assert.Single(await log.RecordNewAsync([delivery]));
            await log.SaveAsync([delivery with { State = DeliveryState.Sent, Attempts = 1 }]);
        }

        using var reopened = Open();
        var again = new LiteDbDeliveryLog(reopened);
        var recorded = await again.RecordNewAsync([delivery with { AlertIds = ["2", "5"] }]);

        Assert.Empty(recorded);
        Assert.Empty(await again.PendingAsync());
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
