using System.Globalization;

namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// The words of the synthetic corpus, Zipf-distributed: English function words first, then real
/// machine-learning words, then made-up words for the long tail (as in real abstracts, most distinct
/// words are rare). Built deterministically from a seed.
/// </summary>
internal sealed class Vocabulary
{
    public const int DefaultSize = 25_000;

    /// <summary>Ranks from here on are rare: a handful of papers each.</summary>
    public const int RareFromRank = 8_000;

    private const double Exponent = 1.05;

    private static readonly TextInfo English = CultureInfo.InvariantCulture.TextInfo;

    private readonly string[] _words;
    private readonly string?[] _titleCased;
    private readonly ZipfSampler _sampler;

    public Vocabulary(int seed, int size = DefaultSize)
    {
        var head = MlWords.Function.Concat(MlWords.Content).Distinct(StringComparer.Ordinal).ToList();
        FunctionWordCount = MlWords.Function.Count;
        RealWordCount = head.Count;
        var tail = PseudoWords.Generate(new Random(seed), size - head.Count, head.ToHashSet(StringComparer.Ordinal));
        _words = [.. head, .. tail];
        _titleCased = new string?[_words.Length];
        _sampler = new ZipfSampler(_words.Length, Exponent);
    }

    public int Count => _words.Length;

    public int FunctionWordCount { get; }

    /// <summary>Function words plus the real machine-learning words.</summary>
    public int RealWordCount { get; }

    public string this[int rank] => _words[rank];

    /// <summary>Any word, by frequency.</summary>
    public string Next(Random random) => _words[_sampler.Next(random)];

    /// <summary>A word that is not a function word, by frequency (titles, keywords, queries).</summary>
    public string NextContent(Random random) => _words[NextContentRank(random)];

    /// <summary>What <see cref="NextContent"/> draws, in title case ("Diffusion"), made once per word.</summary>
    public string NextContentTitleCased(Random random)
    {
        var rank = NextContentRank(random);
        return _titleCased[rank] ??= English.ToTitleCase(_words[rank]);
    }

    private int NextContentRank(Random random)
    {
        while (true)
        {
            var rank = _sampler.Next(random);
            if (rank >= FunctionWordCount)
            {
                return rank;
            }
        }
    }

    /// <summary>One of the real machine-learning words, uniformly (a "head word" of a query).</summary>
    public string NextHeadWord(Random random) => _words[random.Next(FunctionWordCount, RealWordCount)];

    /// <summary>A word from the rare tail, uniformly.</summary>
    public string NextRare(Random random) => _words[random.Next(Math.Min(RareFromRank, _words.Length - 1), _words.Length)];
}
