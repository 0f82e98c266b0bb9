namespace ChatBot.Core.Ingestion;

/// <summary>What storing one batch did.</summary>
public sealed record BatchOutcome(string Origin, int Papers, int New, int Updated, int Unchanged, IReadOnlyList<Rejection> Rejections);
