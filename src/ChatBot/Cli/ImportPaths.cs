using Microsoft.Extensions.FileSystemGlobbing;

namespace ChatBot.Cli;

/// <summary>
/// Turns the paths given to <c>import</c> into files: plain files, every file of a folder, and
/// globs (<c>seeds/*.txt</c>, <c>dumps/**/*.json</c>) for shells that pass them through unexpanded.
/// </summary>
internal static class ImportPaths
{
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var unmatched = new List<string>();
        foreach (var path in paths)
        {
            var found = Resolve(path);
            if (found.Count == 0)
            {
                unmatched.Add(path);
            }

            files.AddRange(found.Where(f => !files.Contains(f, StringComparer.Ordinal)));
        }

        return (files, unmatched);
    }

    private static List<string> Resolve(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        if (Directory.Exists(path))
        {
            return [.. Directory.EnumerateFiles(path)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)];
        }

        if (path.IndexOfAny(['*', '?']) < 0)
        {
            return [];
        }

        // Everything before the first segment with a wildcard is the folder to search from.
        var segments = path.Replace('\\', '/').Split('/');
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = firstWild == 0 ? "." : string.Join('/', segments[..firstWild]);
        if (root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            return [];
        }

        if (firstWild == segments.Length - 1)
        {
            // One segment: the file system's own patterns, which know '?' as well as '*'.
            return [.. Directory.EnumerateFiles(root, segments[^1]).Select(Path.GetFullPath).Order(StringComparer.Ordinal)];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[firstWild..]));
        return [.. matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal)];
    }
}
