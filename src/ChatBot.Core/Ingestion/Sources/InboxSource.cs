using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ChatBot.Core.IO;
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
/// <para>
/// Nothing in the folder is trusted: only regular files are read (a symbolic link, a named pipe, a device or
/// a socket is left alone, and the reason logged), reading stops at <see cref="InboxSourceOptions.MaxFileBytes"/>
/// whatever the file claims, <c>processed/</c> and <c>rejected/</c> must be real folders (never links) and
/// notes are only ever created new, so nothing is written outside the inbox.
/// </para>
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

    private static readonly string[] TemporarySuffixes = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", "~"];

    // Entries already reported as skipped, so a link or pipe left in the inbox is logged once, not every tick.
    private readonly ConcurrentDictionary<string, byte> _reportedSkips = new(StringComparer.Ordinal);

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
        var maxBytes = options.CurrentValue.MaxFileBytes;
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

            // Asked before anything opens it: opening a named pipe waits for a writer, a device never ends.
            var kind = FileEntries.KindOf(file.FullName);
            if (kind != FileEntryKind.Regular)
            {
                if (kind != FileEntryKind.Missing && _reportedSkips.TryAdd($"{file.Name}|{kind}", 0))
                {
                    logger.InboxEntrySkipped(file.Name, FileEntries.Describe(kind));
                }

                continue;
            }

            var batch = await ReadAsync(file, maxBytes, cancellationToken);
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
    private async Task<PaperBatch?> ReadAsync(FileInfo file, long maxBytes, CancellationToken cancellationToken)
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

            var tooLarge = new PaperBatch(file.Name, [], [new Rejection(file.Name, null, $"the file is larger than {BoundedRead.Describe(maxBytes)} (Sources:Inbox:MaxFileBytes)")]);
            if (file.Length > maxBytes)
            {
                return tooLarge;
            }

            byte[]? bytes;
            await using (var stream = new FileStream(file.FullName, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            }))
            {
                // Bounded even so: the file may have grown, or been swapped, since it was looked at.
                bytes = await BoundedRead.ReadAsync(stream, maxBytes, cancellationToken);
            }

            if (bytes is null)
            {
                return tooLarge;
            }

            // As File.ReadAllText reads: UTF-8 unless a byte order mark says otherwise.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var content = await reader.ReadToEndAsync(cancellationToken);
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
    /// there (nor does its note), then writes the note beside it, as a new file. Returns the new path, or null
    /// when the move failed (the file stays in the inbox).
    /// </summary>
    private string? Move(string folder, FileInfo file, string subfolder, string noteSuffix, string? note)
    {
        try
        {
            if (PrepareFolder(folder, subfolder) is not { } target)
            {
                return null;
            }

            var destination = FreeName(target, file.Name, noteSuffix);
            File.Move(file.FullName, destination, overwrite: false);
            if (note is not null)
            {
                // CreateNew never follows a link or replaces a file someone put there meanwhile.
                using var writer = new StreamWriter(
                    new FileStream(destination + noteSuffix, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None }),
                    new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(note);
            }

            return destination;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.InboxFileMoveFailed(file.Name, exception);
            return null;
        }
    }

    /// <summary>
    /// <c>processed/</c> or <c>rejected/</c>, created if missing and checked after: it must be a real folder, not
    /// a link (which could send files, and notes written beside them, anywhere). Null (logged) when it is not.
    /// </summary>
    private string? PrepareFolder(string folder, string subfolder)
    {
        var target = Path.Combine(folder, subfolder);
        if (FileEntries.KindOf(target) == FileEntryKind.Missing)
        {
            Directory.CreateDirectory(target);
        }

        var kind = FileEntries.KindOf(target);
        if (kind == FileEntryKind.Directory)
        {
            return target;
        }

        logger.InboxFolderRefused(target, FileEntries.Describe(kind));
        return null;
    }

    /// <summary><c>name.ext</c>, else <c>name-2.ext</c>, <c>name-3.ext</c>, ... (a link, even a broken one, takes a name too).</summary>
    private static string FreeName(string folder, string fileName, string noteSuffix)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? fileName : string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}{extension}");
            var candidate = Path.Combine(folder, name);
            if (FileEntries.KindOf(candidate) == FileEntryKind.Missing && FileEntries.KindOf(candidate + noteSuffix) == FileEntryKind.Missing)
            {
                return candidate;
            }
        }
    }
}
