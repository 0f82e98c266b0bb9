using System.Globalization;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;

namespace ChatBot.Core.DailyThreads;

/// <summary>The words of a daily thread: its parent message, one reply per paper, the quiet-day note.</summary>
public static class DailyThreadMessages
{
    private const int SummaryLength = 240;

    /// <summary>The thread's name: <c>Trending papers — Sat 22 Nov</c>.</summary>
    public static string Title(DateOnly localDate) =>
        "Trending papers \u2014 " + localDate.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static Reply Parent(DateOnly localDate, IReadOnlyList<TrendingResult> papers, TimeSpan freshWindow)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var from = localDate.AddDays(-(int)Math.Ceiling(freshWindow.TotalDays));
        var count = papers.Count == 1 ? "1 paper" : string.Create(CultureInfo.InvariantCulture, $"{papers.Count} papers");
        return new Reply
        {
            Title = Title(localDate),
            Text = [string.Create(CultureInfo.InvariantCulture, $"{count} gaining upvotes fastest among those from {from:d MMM} to {localDate:d MMM}. One per reply in this thread.")],
        };
    }

    public static Reply Paper(TrendingResult result, int rank)
    {
        ArgumentNullException.ThrowIfNull(result);
        var paper = result.Paper;
        var summary = paper.Summary ?? paper.Abstract;
        return new Reply
        {
            Papers = [new PaperCard(paper, CardDetail.Brief, PaperText.Fold(summary, SummaryLength)) { Rank = rank }],
            Footer = result.Explanation,
            Notification = paper.Title,
        };
    }

    public static Reply QuietDay(DateOnly localDate) => new()
    {
        Title = Title(localDate),
        Text = ["A quiet day: no new paper matched this channel's daily thread."],
    };
}
