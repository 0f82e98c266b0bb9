using System.Globalization;
using System.Runtime.CompilerServices;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// Paper files dropped in a folder, in any format <see cref="PaperDocument"/> detects. Each file
/// is one <see cref="PaperBatch"/> (origin = the file name). After the consumer has taken the
/// batch the file leaves the inbox: to <c>processed/</c> (with <c>&lt;name&gt;.rejections.txt</c>
/// when some blocks were rejected) or, when nothing in it could be read, to <c>rejected/</c>
/// (with <c>&lt;name&gt;.reason.txt</c>). Files are never overwritten: a clash gets a suffix.
/// </summary>
/// <remarks>
/// The move runs in the iterator after <c>yield return</c>, that is when the consumer asks for
/// the next batch (or reaches the end), which it does only after storing this one. A consumer
/// that fails or stops early leaves the file in the inbox, so it is imported again next time
/// rather than lost. A file that cannot be read (locked, no permission) is logged and left in
/// place for the next fetch.
/// </remarks>
internal sealed class InboxSource(
    IOptionsMonitor<InboxSourceOptions> options,
    IOptionsMonitor<StorageOptions> storageOptions,
    TimeProvider timeProvider,
    ILogger<InboxSource> logger) : IPaperSource
{
    public const string ProcessedFolder = "processed";
    public const string RejectedFolder = "rejected";

    /// <summary>A file written more recently than this may still be being copied in.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>Larger files are rejected unread rather than loaded into memory.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly string[] TemporarySuffixes = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", "~"];

    public string Name => "inbox";

    /// <summary>The inbox folder, resolved inside the data directory when relative.</summary>
    public string Folder => storageOptions.CurrentValue.Resolve(options.CurrentValue.Path);

    public async IAsyncEnumerable<PaperBatch> FetchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            logger.SourceDisabled(Name);
            yield break;
        }

        var folder = Folder;
        Directory.CreateDirectory(folder);
        var files = new DirectoryInfo(folder).GetFiles()
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToArray();

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsHiddenOrTemporary(file))
            {
                continue;
            }

            var batch = await ReadAsync(file, cancellationToken);
            if (batch is null)
            {
                continue;
            }

            yield return batch;

            // Resumed: the consumer has stored the batch and asks for the next one.
            if (batch.Papers.Count > 0)
            {
                MoveToProcessed(folder, file, batch);
            }
            else
            {
                MoveToRejected(folder, file, batch);
            }
        }
    }

    private static bool IsHiddenOrTemporary(FileInfo file) =>
        file.Name.StartsWith('.')
        || file.Name.StartsWith("~$", StringComparison.Ordinal)
        || (file.Attributes & (FileAttributes.Hidden | FileAttributes.Temporary)) != 0
        || TemporarySuffixes.Any(suffix => file.Name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file's batch, or null when it is not ready or cannot be read now.</summary>
    private async Task<PaperBatch?> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            file.Refresh();
            var age = timeProvider.GetUtcNow() - new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
            if (age < SettleTime)
            {
                logger.InboxFileNotSettled(file.Name, SettleTime);
                return null;
            }

            if (file.Length > MaxFileBytes)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB");
                return new PaperBatch(file.Name, [], [new Rejection(file.Name, null, reason)]);
            }

            var content = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            return PaperBatch.From(file.Name, PaperDocument.Parse(content, file.Name));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.InboxFileUnreadable(file.Name, exception);
            return null;
        }
    }

    private void MoveToProcessed(string folder, FileInfo file, PaperBatch batch)
    {
        var note = batch.Rejections.Count > 0 ? Lines(batch.Rejections.Select(rejection => rejection.ToString())) : null;
        if (Move(folder, file, ProcessedFolder, ".rejections.txt", note) is { } destination)
        {
            logger.InboxFileProcessed(file.Name, batch.Papers.Count, batch.Rejections.Count, destination);
        }
    }

    private void MoveToRejected(string folder, FileInfo file, PaperBatch batch)
    {
        var reasons = batch.Rejections.Count > 0
            ? batch.Rejections.Select(rejection => rejection.ToString()).ToArray()
            : [$"{file.Name}: no papers found"];
        if (Move(folder, file, RejectedFolder, ".reason.txt", Lines(reasons)) is { } destination)
        {
            logger.InboxFileRejected(file.Name, destination, reasons[0]);
        }
    }

    private static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    /// <summary>
    /// Moves the file into <paramref name="subfolder"/> under a name that clashes with nothing
    /// there (nor does its note), then writes the note beside it. Returns the new path, or null
    /// when the move failed (the file stays in the inbox).
    /// </summary>
    private string? Move(string folder, FileInfo file, string subfolder, string noteSuffix, string? note)
    {
        try
        {
            var target = Path.Combine(folder, subfolder);
            Directory.CreateDirectory(target);
            var destination = FreeName(target, file.Name, noteSuffix);
            File.Move(file.FullName, destination, overwrite: false);
            if (note is not null)
            {
                File.WriteAllText(destination + noteSuffix, note);
            }

            return destination;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.InboxFileMoveFailed(file.Name, exception);
            return null;
        }
    }

    /// <summary><c>name.ext</c>, else <c>name-2.ext</c>, <c>name-3.ext</c>, ...</summary>
    private static string FreeName(string folder, string fileName, string noteSuffix)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? fileName : string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}{extension}");
            var candidate = Path.Combine(folder, name);
            if (!File.Exists(candidate) && !File.Exists(candidate + noteSuffix))
            {
                return candidate;
            }
        }
    }
}
