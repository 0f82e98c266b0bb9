using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>A paper near a query vector; <see cref="Score"/> is the cosine similarity (higher is closer).</summary>
public readonly record struct VectorHit(PaperId Id, long Sequence, float Score);
