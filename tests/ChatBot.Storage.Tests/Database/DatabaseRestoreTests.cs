using System.Security.Cryptography;
using ChatBot.Core;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Tests.Search;
using ChatBot.Testing;
using LiteDB;

namespace ChatBot.Storage.Tests.Database;

/// <summary>
/// Restoring a backup: only a ChatBot database is accepted, never over an open one; the previous database
/// (with its log) is kept; the next start rebuilds the index from the restored papers.
/// </summary>
public sealed class DatabaseRestoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _other = new();
    private readonly TempDirectory _backups = new();

    public void Dispose()
    {
        _data.Dispose();
        _other.Dispose();
        _backups.Dispose();
    }

    [Fact]
    public async Task The_next_start_after_a_restore_rebuilds_the_index_and_searches_the_restored_papers_only()
    {
        // The backup comes from another database whose revisions run past those the index recorded here,
        // so a catch-up from the index's revision would skip restored papers and keep stale ones.
        var backup = await BackupOfAsync(_other.Path, Paper("2611.00001", "Coral reef acoustics"), Paper("2611.00002", "Glacier melt sensing"), Paper("2611.00003", "Tidal turbine wakes"));
        using (var here = new HostedStorage(_data.Path))
        {
            await here.Ingestor.IngestAsync(new Core.Ingestion.PaperBatch("test", [Paper("2611.09999", "Zyxwvut lattice surgery")], []), CancellationToken.None);
            Assert.Equal(1, (await here.Index.GetStateAsync()).LastRevision);
        }

        using (var restoring = new HostedStorage(_data.Path))
        {
            var report = await restoring.Restore.RestoreAsync(backup);
            Assert.Equal(3, report.Papers);
        }

        using var restarted = new HostedStorage(_data.Path);
        var sync = await restarted.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Missing, sync.Reason);
        Assert.Equal(1, (await SearchAsync(restarted, "coral")).TotalHits);
        Assert.Equal(0, (await SearchAsync(restarted, "zyxwvut")).TotalHits);
        Assert.Null(await restarted.Store.FindAsync(PaperId.Parse("2611.09999")));
    }

    [Fact]
    public async Task The_previous_database_is_kept_with_its_log_and_the_restored_one_meets_no_stale_log()
    {
        var backup = await BackupOfAsync(_other.Path, Paper("2611.00001", "Coral reef acoustics"));
        // A database as a crash leaves it: committed papers still in the log, beside the data file.
        var crashed = Path.Combine(_data.Path, "crashed");
        using (var running = new HostedStorage(_data.Path))
        {
            await running.Store.UpsertAsync([Paper("2611.09998", "Only in the log"), Paper("2611.09999", "Also only in the log")]);
            Directory.CreateDirectory(crashed);
            await CopyLiveAsync(_data.Path, crashed, papers: 2);
        }

        using (var restoring = new HostedStorage(crashed))
        {
            var report = await restoring.Restore.RestoreAsync(backup);
            Assert.Equal(Path.Combine(crashed, "chatbot.db"), report.Database);
            Assert.NotNull(report.Previous);
            Assert.StartsWith(Path.Combine(crashed, "chatbot-before-restore-"), report.Previous, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(crashed, "chatbot-log.db")));
        }

        using (var restored = new HostedStorage(crashed))
        {
            Assert.Equal(1, (await restored.Store.GetStatsAsync()).Papers);
            Assert.NotNull(await restored.Store.FindAsync(PaperId.Parse("2611.00001")));
        }

        var previous = Assert.Single(Directory.GetFiles(crashed, "chatbot-before-restore-*-log.db"))
            .Replace("-log.db", ".db", StringComparison.Ordinal);
        using var kept = new LiteDatabase(new ConnectionString { Filename = previous, ReadOnly = true });
        Assert.Equal(2, kept.GetCollection("papers").Count());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_before_anything_changes()
    {
        using (var here = new HostedStorage(_data.Path))
        {
            await here.Store.UpsertAsync([Paper("2611.09999", "Zyxwvut lattice surgery")]);
        }

        var before = Snapshot(_data.Path);
        var text = _backups.File("notes.txt");
        await File.WriteAllTextAsync(text, new string('x', 20_000));

        using var restoring = new HostedStorage(_data.Path);
        var error = await Assert.ThrowsAsync<ChatBotException>(() => restoring.Restore.RestoreAsync(text));

        Assert.Equal($"{text} is not a ChatBot database (not a LiteDB file).", error.Message);
        Assert.Equal(before, Snapshot(_data.Path));
        Assert.Equal(20_000, new FileInfo(text).Length);
    }

    [Fact]
    public async Task A_LiteDB_file_of_something_else_is_refused()
    {
        var foreign = _backups.File("foreign.db");
        using (var other = new LiteDatabase(foreign))
        {
            other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Ada" });
        }

        using var restoring = new HostedStorage(_data.Path);
        var error = await Assert.ThrowsAsync<ChatBotException>(() => restoring.Restore.RestoreAsync(foreign));

        Assert.Contains("not a ChatBot one", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data.Path, "chatbot.db")));
        Assert.DoesNotContain(Directory.GetFiles(_data.Path), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public async Task A_missing_backup_is_named_in_the_error()
    {
        using var restoring = new HostedStorage(_data.Path);
        var missing = _backups.File("missing.db");

        var error = await Assert.ThrowsAsync<ChatBotException>(() => restoring.Restore.RestoreAsync(missing));

        Assert.Equal($"There is no file {missing}.", error.Message);
    }

    [Fact]
    public async Task A_database_in_use_is_not_replaced()
    {
        var backup = await BackupOfAsync(_other.Path, Paper("2611.00001", "Coral reef acoustics"));
        using var running = new HostedStorage(_data.Path);
        await running.Ingestor.IngestAsync(new Core.Ingestion.PaperBatch("test", [Paper("2611.09999", "Zyxwvut lattice surgery")], []), CancellationToken.None);
        using var restoring = new HostedStorage(_data.Path);

        var error = await Assert.ThrowsAsync<ChatBotException>(() => restoring.Restore.RestoreAsync(backup));

        Assert.Contains("is in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("stop it before restoring", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await running.Store.GetStatsAsync()).Papers);
        Assert.Equal(1, (await running.Index.GetStateAsync()).Documents);
    }

    private async Task<string> BackupOfAsync(string directory, params Paper[] papers)
    {
        using var storage = new HostedStorage(directory);
        await storage.Ingestor.IngestAsync(new Core.Ingestion.PaperBatch("test", papers, []), CancellationToken.None);
        return (await storage.Backup.WriteAsync(_backups.File($"backup-{Guid.NewGuid():N}.db"))).Path;
    }

    private static Task<SearchResults> SearchAsync(HostedStorage storage, string text)
    {
        Assert.True(SearchQueryParser.TryParse(text, out var query, out _));
        return storage.Index.SearchAsync(query, 0, 10, Now);
    }

    private static Paper Paper(string arxivId, string title) => TestPapers.Arxiv(arxivId, title) with { PublishedAt = Now.AddDays(-1) };

    // Copies the data file and log of an open database, as a crash would leave them. LiteDB writes the log
    // on a background queue after the commit returns, so copy again until the copy holds the papers.
    private static async Task CopyLiveAsync(string from, string to, int papers)
    {
        for (var attempt = 0; ; attempt++)
        {
            foreach (var name in (string[])["chatbot.db", "chatbot-log.db"])
            {
                using var source = new FileStream(Path.Combine(from, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var target = File.Create(Path.Combine(to, name));
                await source.CopyToAsync(target);
            }

            using (var copy = new LiteDatabase(new ConnectionString { Filename = Path.Combine(to, "chatbot.db"), ReadOnly = true }))
            {
                if (copy.CollectionExists("papers") && copy.GetCollection("papers").Count() == papers)
                {
                    return;
                }
            }

            Assert.True(attempt < 100, "the log never held the committed papers");
            await Task.Delay(50);
        }
    }

    private static Dictionary<string, string> Snapshot(string directory) => Directory
        .GetFiles(directory, "*", SearchOption.AllDirectories)
        .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
