using System.Collections.Concurrent;
using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Storage.Tests.Search;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.Database;

/// <summary>Backups of the database while it is in use: consistent, complete, and never over the live file.</summary>
public sealed class DatabaseBackupTests : IDisposable
{
    // LiteDB's default CHECKPOINT pragma: past this many pages in the log, a commit checkpoints when it can.
    private const long CheckpointBytes = 1000 * 8192;

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _backups = new();

    public void Dispose()
    {
        _data.Dispose();
        _backups.Dispose();
    }

    [Fact]
    public async Task A_backup_taken_during_ingestion_opens_and_holds_every_paper_committed_before_it_began()
    {
        using var storage = new HostedStorage(_data.Path);
        var committed = new ConcurrentQueue<List<string>>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var papers = BulkyPapers.Batch(batch);
                await storage.Store.UpsertAsync(papers);
                committed.Enqueue([.. papers.Select(p => p.Id.Value)]);
            }
        });
        await WaitUntilAsync(() => committed.Count >= 5);
        var before = committed.SelectMany(b => b).ToHashSet(StringComparer.Ordinal);

        // The copy stops after its first chunk until the writer has put more than a checkpoint's worth of pages
        // into the log: had a checkpoint run meanwhile, the log would have been emptied and the copy torn.
        var log = Path.Combine(_data.Path, "chatbot-log.db");
        var paused = new PausingProgress(() => File.Exists(log) && new FileInfo(log).Length > CheckpointBytes + (CheckpointBytes / 2));
        var report = await storage.Backup.WriteAsync(_backups.File("during-ingest.db"), paused);
        await stop.CancelAsync();
        await writer;

        Assert.True(paused.ConditionMet, "the log never grew past the checkpoint size while the copy was held: a checkpoint ran during the backup");
        var inBackup = await PaperIdsAsync(_backups.Path, "during-ingest.db");
        Assert.Subset(inBackup, before);
        // Every batch is one transaction: the backup holds the first k batches whole, nothing of the others.
        var batches = committed.ToList();
        var whole = batches.TakeWhile(b => b.All(inBackup.Contains)).Count();
        Assert.Equal(batches.Take(whole).SelectMany(b => b).ToHashSet(StringComparer.Ordinal), inBackup);
        Assert.Equal(inBackup.Count, report.Papers);
        Assert.Equal(new FileInfo(_backups.File("during-ingest.db")).Length, report.Bytes);
    }

    [Fact]
    public async Task A_folder_as_target_gets_a_file_named_after_the_database_and_the_time()
    {
        using var database = Open();
        await new LiteDbPaperStore(database, TimeProvider.System).UpsertAsync(BulkyPapers.Batch(0));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 7, 5, 9, TimeSpan.Zero));

        var report = await new DatabaseBackup(database, clock, NullLogger<DatabaseBackup>.Instance).WriteAsync(_backups.Path);

        Assert.Equal(_backups.File("chatbot-20261122-070509.db"), report.Path);
        Assert.Equal(BulkyPapers.PerBatch, (await PaperIdsAsync(_backups.Path, "chatbot-20261122-070509.db")).Count);
        Assert.DoesNotContain(Directory.GetFiles(_backups.Path), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public async Task A_backup_replaces_an_older_one_of_the_same_name()
    {
        using var database = Open();
        var store = new LiteDbPaperStore(database, TimeProvider.System);
        var backup = new DatabaseBackup(database, TimeProvider.System, NullLogger<DatabaseBackup>.Instance);
        await store.UpsertAsync(BulkyPapers.Batch(0));
        await backup.WriteAsync(_backups.File("nightly.db"));
        await store.UpsertAsync(BulkyPapers.Batch(1));

        var report = await backup.WriteAsync(_backups.File("nightly.db"));

        Assert.Equal(2 * BulkyPapers.PerBatch, report.Papers);
        Assert.Equal(2 * BulkyPapers.PerBatch, (await PaperIdsAsync(_backups.Path, "nightly.db")).Count);
    }

    [Theory]
    [InlineData("chatbot.db")]
    [InlineData("chatbot-log.db")]
    public async Task The_live_database_and_its_log_are_never_a_backup_target(string name)
    {
        using var database = Open();
        await new LiteDbPaperStore(database, TimeProvider.System).UpsertAsync(BulkyPapers.Batch(0));
        var backup = new DatabaseBackup(database, TimeProvider.System, NullLogger<DatabaseBackup>.Instance);

        var error = await Assert.ThrowsAsync<ChatBotException>(() => backup.WriteAsync(Path.Combine(_data.Path, name)));

        Assert.Contains("is the live database", error.Message, StringComparison.Ordinal);
        Assert.Equal(BulkyPapers.PerBatch, (await new LiteDbPaperStore(database, TimeProvider.System).GetStatsAsync()).Papers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# notes I keep\nnothing to do with ChatBot\n")]
    public async Task A_file_that_is_not_a_ChatBot_database_is_never_overwritten(string content)
    {
        using var database = Open();
        await new LiteDbPaperStore(database, TimeProvider.System).UpsertAsync(BulkyPapers.Batch(0));
        var backup = new DatabaseBackup(database, TimeProvider.System, NullLogger<DatabaseBackup>.Instance);
        var notes = _backups.File("notes.txt");
        await File.WriteAllTextAsync(notes, content);

        var error = await Assert.ThrowsAsync<ChatBotException>(() => backup.WriteAsync(notes));

        Assert.Equal($"{notes} exists and is not a ChatBot database; the backup replaces only an earlier backup. Choose another file name.", error.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(notes));
        Assert.Equal(["notes.txt"], Directory.GetFiles(_backups.Path).Select(Path.GetFileName)); // no partial copy left either
    }

    [LinuxFact]
    public async Task A_named_pipe_or_a_link_as_target_is_refused_without_opening_it()
    {
        using var database = Open();
        var backup = new DatabaseBackup(database, TimeProvider.System, NullLogger<DatabaseBackup>.Instance);
        var pipe = _backups.File("pipe.db");
        var link = _backups.File("link.db");
        UnixFiles.MakeFifo(pipe);
        File.CreateSymbolicLink(link, _data.File("elsewhere.db"));

        var pipeError = await Assert.ThrowsAsync<ChatBotException>(() => backup.WriteAsync(pipe).WaitAsync(TimeSpan.FromSeconds(10)));
        var linkError = await Assert.ThrowsAsync<ChatBotException>(() => backup.WriteAsync(link).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.StartsWith($"{pipe} is a named pipe (FIFO), not a ChatBot database", pipeError.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{link} is a symbolic link, not a ChatBot database", linkError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_in_a_missing_folder_is_refused_naming_the_folder()
    {
        using var database = Open();
        var backup = new DatabaseBackup(database, TimeProvider.System, NullLogger<DatabaseBackup>.Instance);
        var missing = Path.Combine(_backups.Path, "no-such-folder");

        var error = await Assert.ThrowsAsync<ChatBotException>(() => backup.WriteAsync(Path.Combine(missing, "b.db")));

        Assert.Contains($"the folder {missing} does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_backup_leaves_no_file_behind_and_the_database_keeps_working()
    {
        using var database = Open();
        var store = new LiteDbPaperStore(database, TimeProvider.System);
        await store.UpsertAsync(BulkyPapers.Batch(0));
        await store.UpsertAsync(BulkyPapers.Batch(1));
        using var cancel = new CancellationTokenSource();
        var backup = new DatabaseBackup(database, TimeProvider.System, NullLogger<DatabaseBackup>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => backup.WriteAsync(_backups.File("cancelled.db"), new CancellingProgress(cancel), cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_backups.Path));
        await store.UpsertAsync(BulkyPapers.Batch(2));
        Assert.Equal(3 * BulkyPapers.PerBatch, (await store.GetStatsAsync()).Papers);
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _data.Path }));

    private static async Task<HashSet<string>> PaperIdsAsync(string directory, string file)
    {
        using var database = new ChatBotDatabase(Options.Create(new StorageOptions { DataDirectory = directory, DatabaseFile = file }));
        var papers = await new LiteDbPaperStore(database, TimeProvider.System).ReadAfterAsync(0, int.MaxValue);
        return papers.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        Poll.UntilAsync(condition, TimeSpan.FromSeconds(30), "the backup's condition");

    // Holds the copying thread at its first report until the condition holds (or a minute passes).
    private sealed class PausingProgress(Func<bool> condition) : IProgress<long>
    {
        private bool _paused;

        public bool ConditionMet { get; private set; }

        public void Report(long value)
        {
            if (_paused)
            {
                return;
            }

            _paused = true;
            for (var i = 0; i < 3000 && !condition(); i++)
            {
                Thread.Sleep(20);
            }

            ConditionMet = condition();
        }
    }

    private sealed class CancellingProgress(CancellationTokenSource cancel) : IProgress<long>
    {
        public void Report(long value) => cancel.Cancel();
    }
}
