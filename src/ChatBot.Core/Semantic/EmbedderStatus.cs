namespace ChatBot.Core.Semantic;

/// <summary>Whether the embedding model can be used, and why not when it cannot.</summary>
public sealed record EmbedderStatus(EmbedderState State, string? Reason = null)
{
    public static readonly EmbedderStatus NotLoaded = new(EmbedderState.NotLoaded);

    public static readonly EmbedderStatus Available = new(EmbedderState.Available);

    public bool IsAvailable => State == EmbedderState.Available;

    /// <summary>True when the model will not become available in this process (disabled, or it failed to load).</summary>
    public bool IsUnavailable => State is EmbedderState.Disabled or EmbedderState.Failed;
}
