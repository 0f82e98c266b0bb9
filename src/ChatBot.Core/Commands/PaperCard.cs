using ChatBot.Core.Papers;

namespace ChatBot.Core.Commands;

/// <summary>
/// A paper in a reply. <see cref="Context"/> is the line that says why it is shown: a snippet of
/// the abstract around the match, or the trending explanation.
/// </summary>
public sealed record PaperCard(Paper Paper, CardDetail Detail, string? Context = null)
{
    /// <summary>The 1-based rank of the card in a result list, when it is one.</summary>
    public int? Rank { get; init; }
}
