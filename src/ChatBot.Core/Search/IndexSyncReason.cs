namespace ChatBot.Core.Search;

/// <summary>Why the index was (or was not) brought up to date.</summary>
public enum IndexSyncReason
{
    /// <summary>The index already held every revision of the store.</summary>
    Current,

    /// <summary>The index was behind the store (papers added while it was not updated) and caught up.</summary>
    Behind,

    /// <summary>The index was missing or damaged and was rebuilt from the store.</summary>
    Missing,

    /// <summary>The index held revisions the store does not have (another or a restored database) and was rebuilt.</summary>
    Ahead,

    /// <summary>A rebuild was asked for (<c>reindex</c>).</summary>
    Requested,
}
