using ChatBot.Core.Papers;

namespace ChatBot.Core.Ingestion;

/// <summary>
/// One unit a source delivers (a file, an API page). Each batch is stored in one transaction, so
/// an interrupted import keeps every batch that completed.
/// </summary>
public sealed record PaperBatch(string Origin, IReadOnlyList<Paper> Papers, IReadOnlyList<Rejection> Rejections)
{
    public static PaperBatch From(string origin, ParseResult result) => new(origin, result.Papers, result.Rejections);
}
