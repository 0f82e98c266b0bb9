namespace ChatBot.Testing;

/// <summary>Finds <c>../shared/seeds</c>, the real daily-papers pages that tests read.</summary>
public static class SeedCorpus
{
    public static string Directory { get; } = Locate();

    public static IReadOnlyList<string> Files =>
        [.. System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal)];

    private static string Locate()
    {
        // Walk up from the test binaries to the repository, whose sibling is shared/.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")) && System.IO.Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("The seed corpus ../shared/seeds was not found beside the repository.");
    }
}
