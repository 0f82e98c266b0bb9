using ChatBot.Core.Papers;

namespace ChatBot.Core.Search;

/// <summary>
/// One line of an abstract around the first place a query's words occur, so a result shows why it
/// matched. Matching is by word prefix (a cheap stand-in for the index's stemming: "forecasting"
/// finds "forecast"), in the abstract as it reads (LaTeX turned into plain text), so the window is
/// measured on what is shown.
/// </summary>
public static class SearchSnippet
{
    private const string Ellipsis = "\u2026";
    private const int LeadIn = 50;

    public static string For(string text, SearchQuery query, int maxLength = 180)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var clean = PaperText.CollapseWhitespace(LatexText.ToPlain(text));
        var position = FirstMatch(clean, Needles(query));
        if (position < 0 || position + maxLength / 2 < maxLength)
        {
            return PaperText.Fold(clean, maxLength);
        }

        var start = clean.LastIndexOf(' ', Math.Max(0, position - LeadIn)) + 1;
        var window = PaperText.Fold(clean[start..], maxLength - 1);
        return Ellipsis + window;
    }

    private static List<string> Needles(SearchQuery query)
    {
        var needles = new List<string>();
        foreach (var term in query.Clauses.SelectMany(c => c.AnyOf).Where(t => t.Field != QueryField.Author))
        {
            foreach (var word in term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = word.Trim('"', '\'', ',', '.', '(', ')');
                if (letters.Length >= 3)
                {
                    // Drop a likely suffix so inflections still match.
                    needles.Add(letters.Length > 6 ? letters[..(letters.Length - 3)] : letters);
                }
            }
        }

        return needles;
    }

    private static int FirstMatch(string text, List<string> needles)
    {
        var best = -1;
        foreach (var needle in needles)
        {
            var from = 0;
            while (from < text.Length)
            {
                var index = text.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    break;
                }

                if (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
                {
                    best = best < 0 ? index : Math.Min(best, index);
                    break;
                }

                from = index + 1;
            }
        }

        return best;
    }
}
