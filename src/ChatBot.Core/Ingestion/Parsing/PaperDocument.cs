namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Detects the format of a document by its content and parses it with the matching parser.</summary>
public static class PaperDocument
{
    /// <summary>
    /// A leading <c>{</c> or <c>[</c> is Hugging Face JSON (unless <c>[</c> opens a text title such as
    /// "[Re] ..."); XML holding an Atom <c>&lt;feed</c> is an arXiv feed; other XML or HTML, binary
    /// content and empty documents are <see cref="PaperFormat.Unknown"/>; any other text is daily-papers text.
    /// </summary>
    public static PaperFormat Detect(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = SkipLeadingSpaceAndBom(content);
        if (text.IsEmpty || text.Contains('\0'))
        {
            return PaperFormat.Unknown;
        }

        return text[0] switch
        {
            '{' => PaperFormat.HuggingFaceJson,
            '[' when !OpensTextTitle(text) => PaperFormat.HuggingFaceJson,
            '<' when text.Contains("<feed", StringComparison.Ordinal) || text.Contains(":feed", StringComparison.Ordinal) => PaperFormat.ArxivAtom,
            '<' => PaperFormat.Unknown,
            _ => PaperFormat.DailyPapersText,
        };
    }

    /// <summary>Parses any supported format; an unrecognised document is one rejection naming the origin.</summary>
    public static ParseResult Parse(string content, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(origin);
        return Detect(content) switch
        {
            PaperFormat.DailyPapersText => DailyPapersTextParser.Parse(content, origin),
            PaperFormat.HuggingFaceJson => HuggingFaceDailyJsonParser.Parse(content, origin),
            PaperFormat.ArxivAtom => ArxivAtomParser.Parse(content, origin),
            _ => new ParseResult([], [new Rejection(origin, null, DescribeUnknown(content))]),
        };
    }

    private static string DescribeUnknown(string content)
    {
        var text = SkipLeadingSpaceAndBom(content);
        return text.IsEmpty ? "empty document"
            : text.Contains('\0') ? "binary content, not a paper document"
            : "unrecognised document: XML or HTML that is not an Atom feed (expected daily-papers text, Hugging Face JSON or an arXiv Atom feed)";
    }

    /// <summary>"[Re] Attention ...": a bracket followed by a word, which no JSON array starts with.</summary>
    private static bool OpensTextTitle(ReadOnlySpan<char> text) =>
        SkipLeadingSpaceAndBom(text[1..]) is [var next, ..] && char.IsLetter(next);

    private static ReadOnlySpan<char> SkipLeadingSpaceAndBom(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        return text[start..];
    }
}
