namespace ChatBot.Core.Semantic;

/// <summary>What a vector store holds: whose vectors (null when it holds none yet), how many, and the store revision they follow.</summary>
public sealed record PaperVectorState(string? ModelId, int Dimensions, long LastRevision, int Count, long MemoryBytes);
