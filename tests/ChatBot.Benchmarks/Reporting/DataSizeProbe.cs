namespace ChatBot.Benchmarks.Reporting;

/// <summary>
/// Disk use of the data folder once the host is closed: the LiteDB files (the database and its log,
/// named after <c>Storage:DatabaseFile</c>) and everything else, which is the search index.
/// </summary>
internal static class DataSizeProbe
{
    private const string Section = "Disk";
    private const double Megabyte = 1024 * 1024;

    public static void Record(BenchmarkReport report, string dataDirectory, string databaseFile)
    {
        ArgumentNullException.ThrowIfNull(report);
        var databaseName = Path.GetFileNameWithoutExtension(databaseFile);
        long database = 0, index = 0;
        foreach (var file in new DirectoryInfo(dataDirectory).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var isDatabase = file.DirectoryName == Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar)
                && file.Name.StartsWith(databaseName, StringComparison.Ordinal);
            if (isDatabase)
            {
                database += file.Length;
            }
            else
            {
                index += file.Length;
            }
        }

        report.Add(Section, "database_mb", "database (LiteDB)", database / Megabyte, "MB");
        report.Add(Section, "index_mb", "search index", index / Megabyte, "MB");
    }
}
