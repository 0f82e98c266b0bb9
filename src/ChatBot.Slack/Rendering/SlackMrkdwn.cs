using System.Text;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Slack's mrkdwn escaping: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are special. With those three
/// escaped, no text can form a link or a mention (<c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c>); we never send
/// <c>link_names</c>, so a bare <c>@here</c> stays text too.
/// </summary>
internal static class SlackMrkdwn
{
    private const char Ellipsis = '\u2026';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Escapes <paramref name="text"/> and cuts it so the escaped result has at most <paramref name="maxLength"/>
    /// characters, never inside an entity or a surrogate pair, marking a cut with an ellipsis.
    /// </summary>
    public static string EscapeWithin(string text, int maxLength)
    {
        var escaped = Escape(text);
        if (escaped.Length <= maxLength)
        {
            return escaped;
        }

        var builder = new StringBuilder(maxLength);
        for (var i = 0; i < text.Length; i++)
        {
            var piece = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ when char.IsHighSurrogate(text[i]) && i + 1 < text.Length => text.Substring(i, 2),
                _ => text[i].ToString(),
            };
            if (builder.Length + piece.Length > maxLength - 1)
            {
                break;
            }

            builder.Append(piece);
            i += piece.Length == 2 && char.IsHighSurrogate(piece[0]) ? 1 : 0;
        }

        return builder.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>Cuts plain text (no escaping) to <paramref name="maxLength"/>, with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Text for a <c>plain_text</c> object (header, button label): Slack does not document whether it
    /// decodes entities there, so <c>&lt;</c> and <c>&gt;</c> become look-alike angle quotes instead, and
    /// no mention or link can form either way.
    /// </summary>
    public static string Plain(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Truncate(text.Replace('<', '\u2039').Replace('>', '\u203a'), maxLength);
    }

    /// <summary>A link <c>&lt;url|label&gt;</c> with both parts escaped; a <c>|</c> in the label is replaced so it cannot split the link.</summary>
    public static string Link(Uri url, string label)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"<{Escape(url.AbsoluteUri)}|{Escape(label.Replace('|', '\u2223'))}>";
    }
}
