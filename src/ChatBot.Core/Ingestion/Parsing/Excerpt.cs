namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Shortens text quoted in a rejection reason so reasons stay one short line.</summary>
internal static class Excerpt
{
    public const int DefaultLength = 60;

    /// <summary>A longer limit for messages a source sent about itself (API errors), which are worth reading whole.</summary>
    public const int MessageLength = 200;

    public static string Of(ReadOnlySpan<char> text, int maxLength = DefaultLength)
    {
        var folded = TextFolding.Fold(text);
        return folded.Length <= maxLength ? folded : string.Concat(folded.AsSpan(0, maxLength - 3).TrimEnd(), "...");
    }
}
