namespace ChatBot.Core.Semantic;

/// <summary>Thrown when vectors are asked of an embedder whose model is disabled or could not load.</summary>
public sealed class EmbedderUnavailableException : Exception
{
    public EmbedderUnavailableException()
    {
    }

    public EmbedderUnavailableException(string message)
        : base(message)
    {
    }

    public EmbedderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
