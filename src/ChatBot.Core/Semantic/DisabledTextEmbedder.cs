namespace ChatBot.Core.Semantic;

/// <summary>The embedder when <c>Embeddings:Enabled</c> is false: never available, so search runs on keywords.</summary>
public sealed class DisabledTextEmbedder : ITextEmbedder
{
    private static readonly EmbedderStatus DisabledStatus = new(EmbedderState.Disabled, "turned off (Embeddings:Enabled is false)");

    public string ModelId => "none";

    public int Dimensions => 0;

    public EmbedderStatus Status => DisabledStatus;

    public Task<EmbedderStatus> EnsureLoadedAsync(CancellationToken cancellationToken = default) => Task.FromResult(DisabledStatus);

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        throw new EmbedderUnavailableException($"The embedding model is {DisabledStatus.Reason}.");
}
