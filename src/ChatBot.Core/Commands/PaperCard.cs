using ChatBot.Core.Papers;

namespace ChatBot.Core.Commands;

/// <summary>
/// A paper in a reply. <see cref="Context"/> is the line that says why it is shown: a snippet of
/// the abstract around the match, a summary, or the trending explanation. Paper text becomes what
/// replies show here, once for every platform: the title, abstract, summary and context read as
/// plain text, arXiv's LaTeX turned into readable characters (<see cref="LatexText"/>).
/// </summary>
public sealed record PaperCard(Paper Paper, CardDetail Detail, string? Context = null)
{
    /// <summary>The paper as the reply shows it (its text readable; ids, links and counts as stored).</summary>
    public Paper Paper { get; init; } = PaperText.Readable(Paper);

    public string? Context { get; init; } = Context is null ? null : LatexText.ToPlain(Context);

    /// <summary>The 1-based rank of the card in a result list, when it is one.</summary>
    public int? Rank { get; init; }
}
