namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Paper titles read from the seed corpus (daily-papers pages: a short title line, a blank line, a long abstract),
/// so that searches find something and <c>show</c> names papers that exist.
/// </summary>
internal static class SeedTitles
{
    private const int ShortestAbstract = 300;

    public static IReadOnlyList<string> Read(IEnumerable<string> files)
    {
        var titles = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            for (var i = 0; i + 1 < lines.Count; i++)
            {
                if (lines[i].Length is >= 15 and <= 200 && lines[i + 1].Length >= ShortestAbstract)
                {
                    titles.Add(lines[i]);
                }
            }
        }

        return titles;
    }
}
