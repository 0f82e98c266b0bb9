namespace ChatBot.Core.Semantic;

public enum VectorSyncReason
{
    /// <summary>Every paper's vector was current.</summary>
    Current,

    /// <summary>Papers changed since the vectors' revision; only those whose title or abstract changed were embedded.</summary>
    Behind,

    /// <summary>The vectors were made by another model (or none were stored): every paper is embedded again.</summary>
    ModelChanged,

    /// <summary>The vectors followed a later revision than the database holds (a restored backup): rebuilt.</summary>
    Ahead,

    /// <summary>A rebuild was asked for (<c>reindex --embeddings</c>).</summary>
    Requested,

    /// <summary>The model is disabled or could not load; nothing was done and search runs on keywords.</summary>
    Unavailable,
}
