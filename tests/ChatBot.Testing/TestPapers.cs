using ChatBot.Core.Papers;

namespace ChatBot.Testing;

/// <summary>Small papers for tests that need some but do not care which.</summary>
public static class TestPapers
{
    public static Paper Titled(string title, string source = PaperSources.File) => new()
    {
        Id = PaperId.FromTitle(title),
        Title = title,
        Abstract = $"We study {title.ToLowerInvariant()} and report results.",
        Sources = [source],
    };

    public static Paper Arxiv(string arxivId, string title, int? upvotes = null, string source = PaperSources.HuggingFace) => new()
    {
        Id = PaperId.Parse(arxivId),
        ArxivId = PaperId.Parse(arxivId).Value,
        Title = title,
        Abstract = $"We study {title.ToLowerInvariant()} and report results.",
        Upvotes = upvotes,
        Sources = [source],
    };
}
