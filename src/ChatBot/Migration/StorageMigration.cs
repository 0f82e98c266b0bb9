using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Migration;

/// <summary>
/// Copies a LiteDB database into an empty PostgreSQL one and proves the copy by reading both back (papers page by
/// page by sequence, everything else as <see cref="StorageContents"/>). Run again on the migrated database it compares
/// and changes nothing; a database with other data (a bot ran on it since, or it was never empty) is refused with
/// nothing written. An interrupted copy leaves no marker, so the next run refuses too and says what to do.
/// </summary>
internal sealed class StorageMigration(LiteDbExport source, string sourceName, PostgresImport target, string targetName)
{
    public const int PageSize = 1000;

    /// <summary>Runs the migration; <paramref name="copied"/> hears (papers copied, papers in all).</summary>
    public async Task<MigrationReport> RunAsync(IProgress<(int Copied, int Total)>? copied, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var contents = await source.ReadAsync(cancellationToken);
        var total = (await source.Papers.GetCountersAsync(cancellationToken)).Papers;
        var marker = await target.MarkerAsync(cancellationToken);
        var filled = await target.NonEmptyTablesAsync(cancellationToken);
        if (marker is not null || filled.Count > 0)
        {
            if (marker is null)
            {
                throw new ChatBotException(
                    $"The PostgreSQL database {targetName} already holds data ({string.Join(", ", filled)}) that no finished migrate wrote (another bot's, or a migrate that was interrupted): "
                    + "migrate copies into an empty database only. Nothing was written; drop and recreate the database (or point Storage:ConnectionString at a new one) and run it again.");
            }

            if (await FirstDifferenceAsync(contents, cancellationToken) is { } difference)
            {
                throw new ChatBotException(
                    $"The PostgreSQL database {targetName} was migrated from {marker} but now differs from {sourceName} ({difference}): a bot has run on it since, or the LiteDB file changed. "
                    + "Nothing was written; to copy again, drop and recreate the database.");
            }

            return Report(alreadyMigrated: true, total, contents, watch);
        }

        var done = 0;
        copied?.Report((0, total));
        for (var after = 0L; ;)
        {
            var page = await source.Papers.ReadAfterAsync(after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await target.WritePapersAsync(page, cancellationToken);
            after = page[^1].Sequence;
            done += page.Count;
            copied?.Report((done, total));
        }

        await target.WriteAsync(contents, cancellationToken);
        if (await FirstDifferenceAsync(contents, cancellationToken) is { } mismatch)
        {
            throw new ChatBotException($"The copy in {targetName} differs from {sourceName} ({mismatch}); no migration marker was written. Please report this.");
        }

        await target.MarkAsync(sourceName, cancellationToken);
        return Report(alreadyMigrated: false, done, contents, watch);
    }

    /// <summary>The first part in which the target differs from the source, or null when the two hold the same.</summary>
    public async Task<string?> FirstDifferenceAsync(StorageContents contents, CancellationToken cancellationToken)
    {
        var copy = await target.ReadAsync(cancellationToken);
        (string Part, object Source, object Target)[] parts =
        [
            ("alerts", contents.Alerts, copy.Alerts),
            ("the last alert id", contents.LastAlertId, copy.LastAlertId),
            ("alert settings", contents.AlertSettings, copy.AlertSettings),
            ("schedules", contents.Schedules, copy.Schedules),
            ("the daily threads' post log", contents.Posts, copy.Posts),
            ("state", contents.State, copy.State),
            ("pending deliveries", contents.PendingDeliveries, copy.PendingDeliveries),
            ("the delivery log's recorded-through sequence", contents.DeliveriesRecordedThrough, copy.DeliveriesRecordedThrough),
            ("the last paper sequence", contents.LastSequence, copy.LastSequence),
            ("the last paper revision", contents.LastRevision, copy.LastRevision),
        ];
        foreach (var (part, expected, actual) in parts)
        {
            if (Canonical(expected) != Canonical(actual))
            {
                return part;
            }
        }

        return await FirstPaperDifferenceAsync(cancellationToken);
    }

    private async Task<string?> FirstPaperDifferenceAsync(CancellationToken cancellationToken)
    {
        for (var after = 0L; ;)
        {
            var expected = await source.Papers.ReadAfterAsync(after, PageSize, cancellationToken);
            var actual = await target.Papers.ReadAfterAsync(after, PageSize, cancellationToken);
            for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                Paper? want = i < expected.Count ? expected[i] : null;
                Paper? got = i < actual.Count ? actual[i] : null;
                if (want is null || got is null || Canonical(want) != Canonical(got))
                {
                    var id = (want ?? got)!.Id.Value;
                    return string.Create(CultureInfo.InvariantCulture, $"the paper {id} (sequence {(want ?? got)!.Sequence})");
                }
            }

            if (expected.Count == 0)
            {
                return null;
            }

            after = expected[^1].Sequence;
        }
    }

    private static string Canonical(object value) => JsonSerializer.Serialize(value, value.GetType());

    private static MigrationReport Report(bool alreadyMigrated, int papers, StorageContents contents, Stopwatch watch) =>
        new(alreadyMigrated, papers, contents.Alerts.Count, contents.PendingDeliveries.Count, contents.Posts.Count, watch.Elapsed);
}
