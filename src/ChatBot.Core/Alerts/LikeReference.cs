namespace ChatBot.Core.Alerts;

/// <summary>
/// Reads what follows <c>/alerts add</c> as an alert by example: <c>like:</c> and a paper (an arXiv id or URL, a
/// Hugging Face URL, a title key or a title), with or without a space after the colon.
/// </summary>
public static class LikeReference
{
    public const string Prefix = "like:";

    /// <summary>True when <paramref name="text"/> asks for an alert by example; <paramref name="paper"/> is what names the paper.</summary>
    public static bool TryRead(string? text, out string paper)
    {
        var trimmed = text?.Trim() ?? "";
        if (!trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            paper = "";
            return false;
        }

        paper = trimmed[Prefix.Length..].Trim();
        return true;
    }
}
