using System.Text;
using ChatBot.Core;
using ChatBot.Storage.Papers;
using LiteDB;

namespace ChatBot.Storage.Database;

/// <summary>What backup and restore need to know about LiteDB's files: names, the header, copying durably.</summary>
internal static class DatabaseFiles
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>LiteDB's write-ahead log beside <paramref name="dataFile"/>: <c>chatbot.db</c> has <c>chatbot-log.db</c>.</summary>
    public static string LogFileOf(string dataFile) => Path.Combine(
        Path.GetDirectoryName(dataFile)!,
        $"{Path.GetFileNameWithoutExtension(dataFile)}-log{Path.GetExtension(dataFile)}");

    public static bool SamePath(string a, string b) => string.Equals(
        Path.GetFullPath(a),
        Path.GetFullPath(b),
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>
    /// True when the file starts with a LiteDB 5 header page. Checked before LiteDB opens a file it was
    /// handed: LiteDB treats a short file as a new database and writes to it, even when read-only.
    /// </summary>
    public static bool HasLiteDbHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length < PageSize)
        {
            return false;
        }

        var start = new byte[HeaderInfoOffset + HeaderInfo.Length];
        file.ReadExactly(start);
        return start.AsSpan(HeaderInfoOffset).SequenceEqual(HeaderInfo);
    }

    /// <summary>
    /// Opens a copy (never the live file) read-only and counts its papers: null when it has no papers collection
    /// (a LiteDB file of something else). Throws a <see cref="ChatBotException"/> naming <paramref name="shownAs"/>
    /// when LiteDB cannot read it.
    /// </summary>
    public static int? CountPapers(string copy, string shownAs)
    {
        try
        {
            using var database = new LiteDatabase(new ConnectionString { Filename = copy, ReadOnly = true });
            return database.CollectionExists(LiteDbPaperStore.CollectionName)
                ? database.GetCollection(LiteDbPaperStore.CollectionName).Count()
                : null;
        }
#pragma warning disable CA1031 // LiteDB reports a damaged file with many exception types; each means the same to the user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new ChatBotException($"{shownAs} is not a readable ChatBot database: {e.Message}", e);
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> (which others may be writing elsewhere in) to a new file and flushes it to
    /// the disk. The new file gets the source's permissions: a database holds user ids and alerts.
    /// </summary>
    public static long CopyDurably(string source, string destination, Action<long>? copied, CancellationToken cancellationToken)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File.GetUnixFileMode(source);
        }

        using var to = new FileStream(destination, options);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            to.Write(buffer, 0, read);
            total += read;
            copied?.Invoke(total);
            cancellationToken.ThrowIfCancellationRequested();
        }

        to.Flush(flushToDisk: true);
        return total;
    }

    /// <summary>Deletes a file this process was writing, when something went wrong; never throws.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind with a name that says what it is; nothing more to do.
        }
    }
}
