using System.Globalization;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns a platform-neutral <see cref="Reply"/> into Block Kit: a header, sections of text, a section
/// and a context line per paper, a footer and <see cref="Reply.Buttons"/> (the actions, then "More
/// results"). Every piece of paper or user text is escaped (so <c>&lt;!channel&gt;</c> in a title stays
/// text), and every Block Kit limit is kept by cutting text and dropping what does not fit — rendering
/// never fails.
/// </summary>
internal static class SlackReplyRenderer
{
    private const string Separator = " \u00b7 ";
    private const int TitleLength = 300;
    private const int FullAbstractLength = 2000;
    private const int SummaryLength = 600;

    public static SlackMessage Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var head = new List<SlackBlock>();
        if (reply.Title is { Length: > 0 } title)
        {
            head.Add(new HeaderBlock(SlackText.Plain(SlackMrkdwn.Plain(PaperText.CollapseWhitespace(title), BlockKitLimits.HeaderText))));
        }

        foreach (var paragraph in reply.Text.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var prefix = reply.IsError ? ":warning: " : "";
            head.Add(new SectionBlock(SlackText.Markdown(prefix + SlackMrkdwn.EscapeWithin(paragraph, BlockKitLimits.SectionText - prefix.Length))));
        }

        var tail = new List<SlackBlock>();
        if (reply.Footer is { Length: > 0 } footer)
        {
            tail.Add(Context(footer));
        }

        tail.AddRange(Buttons(reply.Buttons));

        // Cards fill what the header, text, footer and buttons leave, keeping one block to say what was left out.
        var blocks = new List<SlackBlock>();
        blocks.AddRange(head.Take(BlockKitLimits.Blocks - Math.Min(tail.Count, BlockKitLimits.Blocks / 2) - 1));
        var room = BlockKitLimits.Blocks - blocks.Count - tail.Count;
        var shown = 0;
        foreach (var card in reply.Papers)
        {
            var cardBlocks = Card(card);
            var leftAfter = reply.Papers.Count - shown - 1;
            if (cardBlocks.Count > room - (leftAfter > 0 ? 1 : 0))
            {
                break;
            }

            blocks.AddRange(cardBlocks);
            room -= cardBlocks.Count;
            shown++;
        }

        if (shown < reply.Papers.Count && room > 0)
        {
            blocks.Add(Context(string.Create(CultureInfo.InvariantCulture, $"{reply.Papers.Count - shown} more not shown.")));
        }

        blocks.AddRange(tail.Take(BlockKitLimits.Blocks - blocks.Count));
        return new SlackMessage(Fallback(reply), blocks, reply.Visibility == ReplyVisibility.Private);
    }

    private static List<SlackBlock> Card(PaperCard card)
    {
        var paper = card.Paper;
        var rank = card.Rank is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r}. ") : "";
        var title = PaperText.Fold(paper.Title, TitleLength);
        var url = PaperText.PrimaryLink(paper);
        var heading = $"{rank}*{(url is null ? SlackMrkdwn.Escape(title) : SlackMrkdwn.Link(url, title))}*";

        var body = new List<string>();
        if (card.Context is { Length: > 0 } context)
        {
            body.Add(SlackMrkdwn.Escape(PaperText.Fold(context, 500)));
        }

        var facts = card.Detail == CardDetail.Full ? 12 : 3;
        var blocks = new List<SlackBlock>();
        if (card.Detail == CardDetail.Full)
        {
            if (!string.IsNullOrWhiteSpace(paper.Abstract))
            {
                body.Add(SlackMrkdwn.Escape(PaperText.Fold(paper.Abstract, FullAbstractLength)));
            }

            if (paper.Summary is { Length: > 0 } summary)
            {
                body.Add("_Summary:_ " + SlackMrkdwn.Escape(PaperText.Fold(summary, SummaryLength)));
            }

            var links = PaperText.AllLinks(paper).Select(l => SlackMrkdwn.Link(l.Url, l.Label)).ToList();
            if (links.Count > 0)
            {
                body.Add(string.Join(Separator, links));
            }
        }

        blocks.Add(new SectionBlock(SlackText.Markdown(Within(heading, body))));
        var factLine = Facts(paper, facts);
        var elements = new List<SlackText>();
        if (factLine.Length > 0)
        {
            elements.Add(SlackText.Markdown(SlackMrkdwn.EscapeWithin(factLine, BlockKitLimits.ContextText)));
        }

        if (card.Detail == CardDetail.Full && paper.Keywords.Count > 0)
        {
            elements.Add(SlackText.Markdown(SlackMrkdwn.EscapeWithin("Keywords: " + string.Join(", ", paper.Keywords), BlockKitLimits.ContextText)));
        }

        if (elements.Count > 0)
        {
            blocks.Add(new ContextBlock(elements));
        }

        return blocks;
    }

    /// <summary>Joins the heading and body lines, dropping whole trailing lines (never cutting markup) to stay within a section.</summary>
    private static string Within(string heading, List<string> body)
    {
        var text = heading.Length <= BlockKitLimits.SectionText ? heading : SlackMrkdwn.Truncate(heading, BlockKitLimits.SectionText);
        foreach (var line in body)
        {
            if (text.Length + 1 + line.Length > BlockKitLimits.SectionText)
            {
                break;
            }

            text += "\n" + line;
        }

        return text;
    }

    private static string Facts(Paper paper, int maxAuthors)
    {
        var facts = new[] { PaperText.Authors(paper, maxAuthors), PaperText.KnownDate(paper), PaperText.Upvotes(paper), paper.Id.IsArxiv ? paper.Id.ToString() : null };
        return string.Join(Separator, facts.OfType<string>());
    }

    private static ContextBlock Context(string text) =>
        new([SlackText.Markdown(SlackMrkdwn.EscapeWithin(text, BlockKitLimits.ContextText))]);

    /// <summary>Buttons in rows of 25; a command too long for a button value is left out rather than cut (a cut command would run something else).</summary>
    private static IEnumerable<ActionsBlock> Buttons(IReadOnlyList<ReplyAction> actions)
    {
        var buttons = actions
            .Select((action, index) => (action, index))
            .Where(a => a.action.Command.Length <= BlockKitLimits.ButtonValue)
            .Select(a => new SlackButton(
                SlackText.Plain(SlackMrkdwn.Plain(a.action.Label, BlockKitLimits.ButtonText)),
                string.Create(CultureInfo.InvariantCulture, $"cmd-{a.index}"),
                a.action.Command))
            .ToList();
        return buttons.Chunk(BlockKitLimits.ActionsElements).Select(chunk => new ActionsBlock(chunk));
    }

    /// <summary>
    /// The top-level <c>text</c>: with blocks, Slack shows it in notifications and screen readers read it instead
    /// of the blocks (https://api.slack.com/methods/chat.postMessage), so it says what the message is
    /// (<see cref="Reply.NotificationText"/>): a paper's title, the thread's heading, the alert's query, the answer's title.
    /// </summary>
    private static string Fallback(Reply reply)
    {
        var text = reply.NotificationText is { Length: > 0 } line ? line : "ChatBot";
        return SlackMrkdwn.EscapeWithin(PaperText.CollapseWhitespace(text), BlockKitLimits.FallbackText);
    }
}
