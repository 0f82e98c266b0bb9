using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>
/// Writes a <see cref="Reply"/> as terminal text: bold titles, links where the terminal supports
/// them, dim context lines, colour only when the terminal has it. Every piece of paper or user text
/// is escaped, so brackets in a title never break the markup.
/// </summary>
internal static class ConsoleReplyRenderer
{
    private const int FullAbstractLength = 1500;

    public static void Render(IAnsiConsole console, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Title is { } title)
        {
            console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        }

        foreach (var paragraph in reply.Text)
        {
            console.MarkupLine(reply.IsError ? $"[red]{Markup.Escape(paragraph)}[/]" : Markup.Escape(paragraph));
        }

        foreach (var card in reply.Papers)
        {
            if (card.Detail == CardDetail.Full)
            {
                RenderFull(console, card.Paper);
            }
            else
            {
                RenderBrief(console, card);
            }
        }

        if (reply.Footer is { } footer)
        {
            console.MarkupLine($"[grey]{Markup.Escape(footer)}[/]");
        }

        foreach (var action in reply.Buttons)
        {
            console.MarkupLine($"[grey]\u2192 {Markup.Escape(action.Label)}: {Markup.Escape(action.Command)}[/]");
        }
    }

    private static void RenderBrief(IAnsiConsole console, PaperCard card)
    {
        var paper = card.Paper;
        var rank = card.Rank is { } r ? $"{r}. " : "";
        console.MarkupLine($"{rank}{Linked(paper.Title, PaperText.PrimaryLink(paper))}");
        if (card.Context is { Length: > 0 } context)
        {
            console.MarkupLine($"   [grey]{Markup.Escape(context)}[/]");
        }

        if (Facts(paper) is { Length: > 0 } facts)
        {
            console.MarkupLine($"   [dim]{Markup.Escape(facts)}[/]");
        }
    }

    private static void RenderFull(IAnsiConsole console, Paper paper)
    {
        console.MarkupLine($"[bold]{Markup.Escape(paper.Title)}[/]");
        console.MarkupLine($"[dim]{Markup.Escape(Facts(paper, maxAuthors: 12))}[/]");
        console.MarkupLine($"[dim]id: {Markup.Escape(paper.Id.ToString())}[/]");
        if (paper.Keywords.Count > 0)
        {
            console.MarkupLine($"[dim]Keywords: {Markup.Escape(string.Join(", ", paper.Keywords))}[/]");
        }

        if (!string.IsNullOrWhiteSpace(paper.Abstract))
        {
            console.WriteLine();
            console.WriteLine(PaperText.Fold(paper.Abstract, FullAbstractLength));
        }

        if (paper.Summary is { Length: > 0 } summary)
        {
            console.WriteLine();
            console.MarkupLine($"[grey]Summary: {Markup.Escape(PaperText.Fold(summary, 600))}[/]");
        }

        console.WriteLine();
        foreach (var (label, url) in PaperText.AllLinks(paper))
        {
            console.MarkupLine($"{Markup.Escape(label)}: {Linked(url.AbsoluteUri, url)}");
        }
    }

    // arXiv ids are short and useful to type; title keys are long and shown only in full view.
    private static string Facts(Paper paper, int maxAuthors = 3)
    {
        var facts = new[] { paper.Id.IsArxiv ? paper.Id.ToString() : null, PaperText.Authors(paper, maxAuthors), PaperText.KnownDate(paper), PaperText.Upvotes(paper) };
        return string.Join(" \u00b7 ", facts.OfType<string>());
    }

    private static string Linked(string text, Uri? url) => url is null
        ? $"[bold]{Markup.Escape(text)}[/]"
        : $"[bold link={Markup.Escape(url.AbsoluteUri)}]{Markup.Escape(text)}[/]";
}
