using ChatBot.Core.Hashing;
using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>
/// What a paper's vector is computed from (title and abstract) and a stable hash of it, so a paper whose
/// revision changed for another reason (upvotes, links) keeps its vector instead of being embedded again.
/// </summary>
public static class EmbeddingText
{
    public static string Of(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return string.IsNullOrWhiteSpace(paper.Abstract) ? paper.Title : paper.Title + ". " + paper.Abstract;
    }

    /// <summary>The fingerprint of <paramref name="text"/> (<see cref="Fnv1a"/>).</summary>
    public static ulong Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fnv1a.Of(text);
    }

    public static ulong Hash(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return Hash(paper.Id + "\n" + Of(paper));
    }
}
