namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Accepts only absolute http(s) URLs with a host; anything else a source sends is ignored.</summary>
internal static class WebLinks
{
    public static Uri? HttpOrNull(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;
}
