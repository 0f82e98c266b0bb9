using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>
/// Classifies single lines of daily-papers page text and reads the small structured ones
/// (author count, date and upvotes). Titles and abstracts are told apart by length and sentence
/// structure; lines that neither test settles are decided by position in the block.
/// </summary>
internal static partial class DailyPapersLines
{
    /// <summary>Titles reach about 160 characters; no title is this long, while abstracts run to many hundreds.</summary>
    public const int CertainAbstractLength = 300;

    /// <summary>Lines up to this long without a closing period or a second sentence are titles.</summary>
    public const int CertainTitleLength = 200;

    private const string Subscribe = "Subscribe";

    private static readonly string[] Headers =
    [
        "new",
        "Subscribe",
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
        "Daily Papers",
        "byAK and the research community",
    ];

    private static readonly string[] MonthAbbreviations =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>Classifies a line; <paramref name="text"/> is what matters of it (trimmed, bullet or glued header removed).</summary>
    public static DailyPapersLineKind Classify(ReadOnlySpan<char> line, out ReadOnlySpan<char> text)
    {
        text = line.Trim();
        if (text.IsEmpty)
        {
            return DailyPapersLineKind.Blank;
        }

        if (IsHeader(text))
        {
            return DailyPapersLineKind.Header;
        }

        if (text[0] == '•')
        {
            text = text[1..].Trim();
            return DailyPapersLineKind.Authors;
        }

        if (text is "·")
        {
            return DailyPapersLineKind.Separator;
        }

        if (text.Length <= 40 && DateLineShape().IsMatch(text))
        {
            return DailyPapersLineKind.Date;
        }

        // Copying the page can glue the first title to the button: "SubscribeCrossViT: ...".
        if (text.Length > Subscribe.Length
            && text.StartsWith(Subscribe, StringComparison.Ordinal)
            && (char.IsUpper(text[Subscribe.Length]) || char.IsDigit(text[Subscribe.Length])))
        {
            return Classify(text[Subscribe.Length..], out text);
        }

        return DailyPapersLineKind.Text;
    }

    /// <summary>Too long for a title, or several sentences: only an abstract looks like this.</summary>
    public static bool IsCertainlyAbstract(ReadOnlySpan<char> text) =>
        text.Length >= CertainAbstractLength || SentenceBreaks(text) >= 2;

    /// <summary>
    /// Short, at most one sentence break (titles like "What is X? Investigations of Y" have one)
    /// and no closing period: only a title looks like this.
    /// </summary>
    public static bool IsCertainlyTitle(ReadOnlySpan<char> text) =>
        text.Length <= CertainTitleLength && text[^1] != '.' && SentenceBreaks(text) <= 1;

    /// <summary>Reads <c>9 authors</c> (or <c>1 author</c>).</summary>
    public static bool TryParseAuthorCount(ReadOnlySpan<char> text, out int count)
    {
        count = 0;
        var space = text.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var word = text[(space + 1)..].Trim();
        return int.TryParse(text[..space], NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && count > 0
            && (word.Equals("authors", StringComparison.OrdinalIgnoreCase) || word.Equals("author", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads a date line already classified as <see cref="DailyPapersLineKind.Date"/>:
    /// <c>Mar 30, 2025</c> or <c>Feb 26, 2021 1</c> (date and upvote count).
    /// </summary>
    public static bool TryParseDateLine(ReadOnlySpan<char> text, out DateTimeOffset date, out int? upvotes, out string problem)
    {
        date = default;
        upvotes = null;
        problem = "";

        // The shape was checked by DateLineShape: "<month>[.] <day>, <year>[ <upvotes>]".
        var firstSpace = text.IndexOf(' ');
        var monthPart = text[..firstSpace].TrimEnd('.');
        var rest = text[(firstSpace + 1)..];
        var comma = rest.IndexOf(',');
        var dayPart = rest[..comma];
        rest = rest[(comma + 2)..];
        var secondSpace = rest.IndexOf(' ');
        var yearPart = secondSpace < 0 ? rest : rest[..secondSpace];
        var upvotePart = secondSpace < 0 ? [] : rest[(secondSpace + 1)..];

        var month = MonthNumber(monthPart);
        var day = int.Parse(dayPart, NumberStyles.None, CultureInfo.InvariantCulture);
        var year = int.Parse(yearPart, NumberStyles.None, CultureInfo.InvariantCulture);
        if (month == 0 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem = $"\"{Excerpt.Of(text)}\" is not a date";
            return false;
        }

        if (!upvotePart.IsEmpty)
        {
            if (!int.TryParse(upvotePart, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                problem = $"\"{Excerpt.Of(upvotePart)}\" after the date is not an upvote count";
                return false;
            }

            upvotes = count;
        }

        date = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    private static bool IsHeader(ReadOnlySpan<char> text)
    {
        foreach (var header in Headers)
        {
            if (text.SequenceEqual(header))
            {
                return true;
            }
        }

        return text.Length <= 6 && PageDate().IsMatch(text);
    }

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < 12; i++)
        {
            if (name.Equals(MonthAbbreviations[i], StringComparison.OrdinalIgnoreCase)
                || name.Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return name.Equals("Sept", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
    }

    /// <summary>Counts ". X", "? X" and "! X" (end of a sentence, start of the next), stopping at two.</summary>
    private static int SentenceBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && ++count == 2)
            {
                break;
            }
        }

        return count;
    }

    // "Jul 15": the date the page shows, without a year.
    [GeneratedRegex(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PageDate();

    // "Mar 30, 2025" or "Feb 26, 2021 1"; the month name and upvotes are validated when read.
    [GeneratedRegex(@"^\p{L}{3,9}\.? [0-9]{1,2}, [0-9]{4}( \S+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLineShape();
}
