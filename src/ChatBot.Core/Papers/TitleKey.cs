using System.Globalization;
using System.Text;

namespace ChatBot.Core.Papers;

/// <summary>
/// Folds a title into the key used to recognise the same paper when no arXiv id is known:
/// case, diacritics, whitespace, punctuation and the many unicode dashes and quotes all fold away,
/// and the remaining words are joined with '-'.
/// </summary>
public static class TitleKey
{
    public static string From(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var decomposed = title.Normalize(NormalizationForm.FormKD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue; // diacritics: "Schrödinger" and "Schrodinger" are one title
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSeparator && key.Length > 0)
                {
                    key.Append('-');
                }

                key.Append(char.ToLowerInvariant(c));
                pendingSeparator = false;
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return key.ToString();
    }
}
