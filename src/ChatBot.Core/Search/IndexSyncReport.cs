namespace ChatBot.Core.Search;

/// <summary>What bringing the index up to the store did.</summary>
public sealed record IndexSyncReport(IndexSyncReason Reason, int PapersIndexed, long LastRevision);
