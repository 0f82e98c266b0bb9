using ChatBot.Core.Alerts;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>The active alerts are listed a chunk of alerts per query (each alert batch reads them all).</summary>
public sealed class AlertListingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public async Task Active_alerts_listed_in_small_chunks_are_every_one_once_in_the_same_order(int listChunk)
    {
        using var database = new ChatBotDatabase(Options.Create(new ChatBot.Core.Storage.StorageOptions { DataDirectory = _directory.Path }));
        var store = new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance);
        var paused = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var alert = await store.TryAddAsync(new Alert { Platform = "discord", UserId = $"U{i % 5}", Query = $"word{i}" }, int.MaxValue);
            if (i % 6 == 0)
            {
                paused.Add(alert!.Id);
            }
        }

        await store.UpdateAsync(paused, a => a with { PausedReason = "paused by you" });

        var whole = await new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance, listChunk: 1_000).ListActiveAsync();
        var chunked = await new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance, listChunk: listChunk).ListActiveAsync();

        Assert.Equal(23 - paused.Count, whole.Count);
        Assert.Equal(whole.Select(a => $"{a.Id} {a.UserId} {a.Query}"), chunked.Select(a => $"{a.Id} {a.UserId} {a.Query}"));
        Assert.DoesNotContain(chunked, a => a.IsPaused);
    }
}
