using ChatBot.Core.Papers;

namespace ChatBot.Core.Search;

/// <summary>One matching paper; <see cref="Score"/> is the ranking score (BM25, or similarity).</summary>
public sealed record SearchHit(PaperId Id, float Score);
