using ChatBot.Core.Papers;

namespace ChatBot.Core.Ingestion;

/// <summary>What a parser read from one document: the papers, and the blocks it had to reject.</summary>
public sealed record ParseResult(IReadOnlyList<Paper> Papers, IReadOnlyList<Rejection> Rejections)
{
    public static readonly ParseResult Empty = new([], []);
}
