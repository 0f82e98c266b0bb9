namespace ChatBot.Core.Semantic;

/// <summary>One step of the vectors following the store: vectors added or replaced, papers removed, the revision reached.</summary>
public sealed record PaperVectorChanges(IReadOnlyList<PaperVector> Upserted, IReadOnlyList<long> RemovedSequences, long Revision);
