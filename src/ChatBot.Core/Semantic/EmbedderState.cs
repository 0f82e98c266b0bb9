namespace ChatBot.Core.Semantic;

public enum EmbedderState
{
    /// <summary>Not asked for yet; the first use loads it.</summary>
    NotLoaded,

    Available,

    /// <summary>Turned off by <c>Embeddings:Enabled</c>.</summary>
    Disabled,

    /// <summary>Tried and failed to load (a missing native library, an unsupported platform, a damaged model).</summary>
    Failed,
}
