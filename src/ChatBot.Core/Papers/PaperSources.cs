namespace ChatBot.Core.Papers;

/// <summary>The names recorded in <see cref="Paper.Sources"/>.</summary>
public static class PaperSources
{
    public const string HuggingFace = "huggingface";
    public const string Arxiv = "arxiv";
    public const string File = "file";
}
