using System.Globalization;

namespace ChatBot.Core.Papers;

/// <summary>
/// How a paper's fields read in a reply, decided once for every platform: author lines, the link
/// to open, dates, and text folded to a length.
/// </summary>
public static class PaperText
{
    private const string Ellipsis = "\u2026";

    /// <summary><c>Ada Lovelace, Alan Turing and 7 more</c>, <c>12 authors</c>, or null when nothing is known.</summary>
    public static string? Authors(Paper paper, int maxNames = 3)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (paper.Authors.Count > 0)
        {
            var shown = string.Join(", ", paper.Authors.Take(maxNames));
            var more = paper.Authors.Count - maxNames;
            return more > 0 ? $"{shown} and {more} more" : shown;
        }

        return paper.AuthorCount switch
        {
            1 => "1 author",
            > 1 and var count => string.Create(CultureInfo.InvariantCulture, $"{count} authors"),
            _ => null,
        };
    }

    /// <summary>The page to open: Hugging Face's paper page, else arXiv's abstract, else the code, else the project.</summary>
    public static Uri? PrimaryLink(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper.Links.HuggingFace
            ?? (paper.ArxivId is { } id ? new Uri($"https://huggingface.co/papers/{id}") : null)
            ?? paper.Links.Arxiv
            ?? paper.Links.Code
            ?? paper.Links.Project;
    }

    /// <summary>Every known link with a label, arXiv first.</summary>
    public static IReadOnlyList<(string Label, Uri Url)> AllLinks(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var links = new List<(string, Uri)>();
        var arxiv = paper.Links.Arxiv ?? (paper.ArxivId is { } id ? ArxivId.AbstractUrl(id) : null);
        if (arxiv is not null)
        {
            links.Add(("arXiv", arxiv));
        }

        var hf = paper.Links.HuggingFace ?? (paper.ArxivId is { } hfId ? new Uri($"https://huggingface.co/papers/{hfId}") : null);
        if (hf is not null)
        {
            links.Add(("Hugging Face", hf));
        }

        if (paper.Links.Code is { } code)
        {
            links.Add(("Code", code));
        }

        if (paper.Links.Project is { } project)
        {
            links.Add(("Project", project));
        }

        return links;
    }

    /// <summary>
    /// The paper's own date (published, else listed), or null when only the day the bot first saw it
    /// is known — that day says nothing about the paper and is not shown as if it did.
    /// </summary>
    public static string? KnownDate(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return (paper.PublishedAt ?? paper.ListedAt) is { } date ? Date(date) : null;
    }

    /// <summary><c>2025-07-15</c></summary>
    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>▲ 42</c> style count, or null when unknown.</summary>
    public static string? Upvotes(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper.Upvotes is { } upvotes
            ? string.Create(CultureInfo.InvariantCulture, $"{upvotes} upvote{(upvotes == 1 ? "" : "s")}")
            : null;
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, at the end of
    /// a sentence when one ends in the last third, else at a word boundary, marking the cut with an ellipsis.
    /// </summary>
    public static string Fold(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = CollapseWhitespace(text);
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        var cut = clean[..(maxLength - 1)];
        var sentenceEnd = cut.LastIndexOf(". ", StringComparison.Ordinal);
        if (sentenceEnd > maxLength * 2 / 3)
        {
            return cut[..(sentenceEnd + 1)] + " " + Ellipsis;
        }

        var space = cut.LastIndexOf(' ');
        return (space > maxLength / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + Ellipsis;
    }

    /// <summary>The paper with its title, abstract and summary as readable plain text (<see cref="LatexText"/>).</summary>
    public static Paper Readable(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper with
        {
            Title = LatexText.ToPlain(paper.Title),
            Abstract = LatexText.ToPlain(paper.Abstract),
            Summary = paper.Summary is null ? null : LatexText.ToPlain(paper.Summary),
        };
    }

    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
