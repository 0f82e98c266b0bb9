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

    /// <summary>64-bit FNV-1a over the UTF-16 text: the same in every process (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static ulong Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }

        return hash;
    }

    /// <summary>Hashes the id with the text, so a paper re-keyed to its arXiv id gets its stored vector's id updated.</summary>
    public static ulong Hash(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return Hash(paper.Id + "\n" + Of(paper));
    }
}
