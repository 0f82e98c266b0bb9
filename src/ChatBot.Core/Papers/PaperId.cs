using System.Diagnostics.CodeAnalysis;

namespace ChatBot.Core.Papers;

/// <summary>
/// Identifies a paper: its normalized arXiv id when known (<c>2106.04554</c>, <c>cs/0101001</c>),
/// otherwise <c>title:</c> followed by the <see cref="TitleKey"/> of its title.
/// </summary>
public readonly record struct PaperId
{
    public const string TitlePrefix = "title:";

    private PaperId(string value) => Value = value;

    public string Value { get; }

    public bool IsArxiv => !Value.StartsWith(TitlePrefix, StringComparison.Ordinal);

    public static PaperId FromArxiv(string arxivId) =>
        ArxivId.TryNormalize(arxivId, out var normalized)
            ? new PaperId(normalized)
            : throw new FormatException($"'{arxivId}' is not an arXiv id (expected e.g. 2106.04554 or cs/0101001).");

    public static PaperId FromTitle(string title)
    {
        var key = TitleKey.From(title);
        return key.Length == 0
            ? throw new FormatException("A title needs at least one letter or digit to make a paper id.")
            : new PaperId(TitlePrefix + key);
    }

    /// <summary>Parses an arXiv id in any common spelling or URL, or a <c>title:</c> key.</summary>
    public static PaperId Parse(string text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException(
                $"'{Shorten(text)}' is not a paper id: use an arXiv id (2106.04554), an arXiv or Hugging Face URL, or title:some-title-key.");

    public static bool TryParse([NotNullWhen(true)] string? text, out PaperId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var key = TitleKey.From(trimmed[TitlePrefix.Length..]);
            if (key.Length == 0)
            {
                return false;
            }

            id = new PaperId(TitlePrefix + key);
            return true;
        }

        if (ArxivId.TryNormalize(trimmed, out var arxiv))
        {
            id = new PaperId(arxiv);
            return true;
        }

        return false;
    }

    public override string ToString() => Value ?? "";

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";
}
