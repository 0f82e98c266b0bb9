using System.Text;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// Turns plain text (a paper's title, abstract, authors) into Discord message text that shows
/// exactly that text: markdown characters escaped, mentions broken with a zero-width space so they
/// cannot ping even if <c>allowed_mentions</c> were ignored, and cuts marked with an ellipsis.
/// </summary>
internal static class DiscordMarkdown
{
    public const string Ellipsis = "\u2026";

    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Plain text as it should read: <see cref="Escape"/> then <see cref="NeutralizeMentions"/>.</summary>
    public static string Text(string text) => NeutralizeMentions(Escape(text));

    /// <summary>
    /// Escapes <c>\ * _ ~ ` | [ ]</c> everywhere, and <c>&gt; # -</c> where they start a line
    /// (quote, heading, list), so none of them formats.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' || (lineStart && c is '>' or '#' or '-'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return escaped.ToString();
    }

    /// <summary><c>@everyone</c>, <c>@here</c>, <c>&lt;@123&gt;</c>, <c>&lt;@&amp;123&gt;</c>, <c>&lt;#123&gt;</c> get a zero-width space after <c>@</c> or <c>&lt;</c>.</summary>
    public static string NeutralizeMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('@', StringComparison.Ordinal) && !text.Contains("<#", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            result.Append(c);
            var rest = text.AsSpan(i + 1);
            if ((c == '@' && (rest.StartsWith("everyone", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("here", StringComparison.OrdinalIgnoreCase)))
                || (c == '<' && (rest.StartsWith("@", StringComparison.Ordinal) || rest.StartsWith("#", StringComparison.Ordinal))))
            {
                result.Append(ZeroWidthSpace);
            }
        }

        return result.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> UTF-16 units; a cut ends with an ellipsis and never splits a surrogate pair or an escape.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength <= 0)
        {
            return "";
        }

        var cut = maxLength - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // Drop a dangling escape backslash (an odd run of them at the end), so it does not escape the ellipsis.
        var backslashes = 0;
        while (cut - backslashes > 0 && text[cut - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        if (backslashes % 2 == 1)
        {
            cut--;
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }
}
