using System.Globalization;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads the ISO 8601 timestamps of the Hugging Face and arXiv APIs as UTC offsets.</summary>
internal static class Timestamps
{
    // With and without fractional seconds, with Z, an offset or none (taken as UTC), or a bare date.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static DateTimeOffset? ParseIso(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && DateTimeOffset.TryParseExact(
            text.Trim(),
            IsoFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : null;
}
