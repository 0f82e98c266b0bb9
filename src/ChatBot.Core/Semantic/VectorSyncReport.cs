namespace ChatBot.Core.Semantic;

/// <summary>What bringing the vectors up to the store did.</summary>
public sealed record VectorSyncReport(VectorSyncReason Reason, int PapersEmbedded, long Revision);
