using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>
/// A paper's unit-length embedding, keyed by its <see cref="Paper.Sequence"/> (which survives re-keying to an arXiv id),
/// with the <see cref="EmbeddingText.Hash(Paper)"/> of what it was computed from.
/// </summary>
public sealed record PaperVector(long Sequence, PaperId Id, ulong ContentHash, float[] Vector);
