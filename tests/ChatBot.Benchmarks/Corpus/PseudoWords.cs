using System.Text;

namespace ChatBot.Benchmarks.Corpus;

/// <summary>Pronounceable made-up words (2 to 4 syllables) for the long tail of the vocabulary.</summary>
internal static class PseudoWords
{
    private static readonly string[] Onsets =
        ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr", "gr", "pl", "st", "tr", "th", "sh", "qu"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];

    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "l", "x", "m", "t", "nd", "rk", "st"];

    /// <summary><paramref name="count"/> distinct words, none of them in <paramref name="taken"/>.</summary>
    public static List<string> Generate(Random random, int count, IReadOnlySet<string> taken)
    {
        var words = new List<string>(count);
        var seen = new HashSet<string>(taken, StringComparer.Ordinal);
        var builder = new StringBuilder(16);
        while (words.Count < count)
        {
            builder.Clear();
            var syllables = random.Next(2, 5);
            for (var i = 0; i < syllables; i++)
            {
                builder.Append(Onsets[random.Next(Onsets.Length)])
                    .Append(Vowels[random.Next(Vowels.Length)])
                    .Append(Codas[random.Next(Codas.Length)]);
            }

            var word = builder.ToString();
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        return words;
    }
}
