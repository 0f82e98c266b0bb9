namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>What one line of daily-papers page text is, judged by the line alone.</summary>
internal enum DailyPapersLineKind
{
    Blank,

    /// <summary>Page furniture: <c>new</c>, <c>Subscribe</c>, <c>Daily Papers</c>, a page date like <c>Jul 15</c>.</summary>
    Header,

    /// <summary>A title or an abstract; which one is decided with the lines around it.</summary>
    Text,

    /// <summary><c>  • 9 authors</c>.</summary>
    Authors,

    /// <summary>The <c>·</c> between the author count and the date.</summary>
    Separator,

    /// <summary><c>Mar 30, 2025</c>, optionally followed by the upvote count.</summary>
    Date,
}
