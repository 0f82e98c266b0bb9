using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Papers;

/// <summary>Finds the paper a user means: an arXiv id or URL, a Hugging Face URL, a title key, or a title typed out.</summary>
internal static class PaperLookup
{
    public static async Task<Paper> FindAsync(IPaperStore store, string text, CancellationToken cancellationToken)
    {
        var trimmed = text.Trim().Trim('<', '>');
        PaperId id;
        if (PaperId.TryParse(trimmed, out var parsed))
        {
            id = parsed;
        }
        else if (trimmed.Any(char.IsLetterOrDigit))
        {
            id = PaperId.FromTitle(trimmed);
        }
        else
        {
            throw new ChatBotException($"'{Shorten(trimmed)}' is not a paper id: use an arXiv id (2106.04554), an arXiv or Hugging Face URL, or the paper's title.");
        }

        var paper = await store.FindAsync(id, cancellationToken);
        return paper is null || paper.Withdrawn
            ? throw new ChatBotException($"No paper '{Shorten(trimmed)}' is in the database. Find it with /papers search and a few words of its title.")
            : paper;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
