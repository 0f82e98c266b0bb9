using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Papers;

/// <summary>
/// Normalizes the ways people write an arXiv identifier: <c>2106.04554</c>, <c>2106.04554v3</c>,
/// <c>arXiv:2106.04554</c>, old-style <c>cs/0101001</c>, and abs, pdf or Hugging Face paper URLs.
/// The version suffix is dropped: all versions are one paper.
/// </summary>
public static partial class ArxivId
{
    public static bool TryNormalize([NotNullWhen(true)] string? text, [NotNullWhen(true)] out string? arxivId)
    {
        arxivId = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var candidate = StripUrlOrPrefix(text.Trim());
        var modern = ModernPattern().Match(candidate);
        if (modern.Success)
        {
            arxivId = modern.Groups["id"].Value;
            return true;
        }

        var legacy = LegacyPattern().Match(candidate);
        if (legacy.Success)
        {
            var subject = legacy.Groups["subject"].Success ? "." + legacy.Groups["subject"].Value.ToUpperInvariant() : "";
            arxivId = legacy.Groups["archive"].Value.ToLowerInvariant() + subject + "/" + legacy.Groups["number"].Value;
            return true;
        }

        return false;
    }

    /// <summary>The abstract page of a normalized id.</summary>
    public static Uri AbstractUrl(string arxivId) => new($"https://arxiv.org/abs/{arxivId}");

    private static string StripUrlOrPrefix(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var path = uri.AbsolutePath.Trim('/');
            foreach (var prefix in (string[])["abs/", "pdf/", "papers/", "html/"])
            {
                if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    path = path[prefix.Length..];
                    return path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
                }
            }

            return path;
        }

        return text.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase) ? text[6..].Trim() : text;
    }

    // YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015 on), with an optional version.
    [GeneratedRegex(@"^(?<id>\d{4}\.\d{4,5})(v\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ModernPattern();

    // archive(.SUBJECT)/YYMMNNN, e.g. cs/0101001, math.GT/0309136, hep-th/9901001v2.
    [GeneratedRegex(@"^(?<archive>[a-zA-Z]+(-[a-zA-Z]+)?)(\.(?<subject>[a-zA-Z]{2}))?/(?<number>\d{7})(v\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyPattern();
}
