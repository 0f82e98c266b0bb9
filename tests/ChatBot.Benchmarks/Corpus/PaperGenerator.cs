using System.Globalization;
using System.Text;
using ChatBot.Core.Papers;

namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// Makes paper <c>i</c> of a synthetic corpus of <see cref="Count"/> papers, the same for the same
/// seed whatever order papers are asked for in. Papers are in publication order, spread evenly over
/// the <see cref="Span"/> before the anchor; arXiv ids (<c>2501.00042</c>) number papers within their month.
/// Not thread safe.
/// </summary>
internal sealed class PaperGenerator
{
    /// <summary>The most papers one run may generate: arXiv numbers within a month have five digits.</summary>
    public const int MaxPapers = 2_000_000;

    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    private readonly int _seed;
    private readonly Vocabulary _vocabulary;
    private readonly AuthorPool _authors;
    private readonly DateTimeOffset _start;
    private readonly Dictionary<(int Year, int Month), long> _firstIndexOfMonth = [];
    private readonly StringBuilder _text = new(4096);

    public PaperGenerator(int seed, int count, DateTimeOffset anchor, Vocabulary vocabulary, AuthorPool authors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPapers);
        _seed = seed;
        Count = count;
        Anchor = anchor;
        _start = anchor - Span;
        _vocabulary = vocabulary;
        _authors = authors;
    }

    public int Count { get; }

    /// <summary>The end of the corpus's time span: "now" for relative date filters.</summary>
    public DateTimeOffset Anchor { get; }

    public Vocabulary Vocabulary => _vocabulary;

    public AuthorPool Authors => _authors;

    public Paper Create(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var random = SeedMix.Random(_seed, index);
        var published = PublishedAt(index);
        var arxivId = ArxivIdOf(index);
        var upvotes = HeavyTail(random, alpha: 1.1, max: 5_000);
        return new Paper
        {
            Id = PaperId.FromArxiv(arxivId),
            ArxivId = arxivId,
            Title = Title(random),
            Abstract = Abstract(random),
            Authors = _authors.NextAuthors(random),
            PublishedAt = published,
            ListedAt = Min(published.AddDays(random.Next(0, 4)), Anchor),
            Upvotes = upvotes,
            Comments = upvotes == 0 ? 0 : random.Next(0, 1 + (upvotes / 5)),
            Links = new PaperLinks(ArxivId.AbstractUrl(arxivId), new Uri($"https://huggingface.co/papers/{arxivId}")),
            Keywords = Keywords(random),
            GithubStars = random.NextDouble() < 0.2 ? HeavyTail(random, alpha: 0.9, max: 50_000) : null,
            Sources = [PaperSources.HuggingFace],
        };
    }

    /// <summary>Paper <paramref name="index"/> as a source reports it again later: same paper, more upvotes.</summary>
    public Paper CreateUpvoteUpdate(int index, int round)
    {
        var paper = Create(index);
        var growth = 0;
        for (var r = 1; r <= round; r++)
        {
            growth += 1 + HeavyTail(SeedMix.Random(_seed, index, stream: r), alpha: 1.3, max: 500);
        }

        return new Paper
        {
            Id = paper.Id,
            ArxivId = paper.ArxivId,
            Title = paper.Title,
            Upvotes = (paper.Upvotes ?? 0) + growth,
            Sources = [PaperSources.HuggingFace],
        };
    }

    public string ArxivIdOf(int index)
    {
        var published = PublishedAt(index);
        var number = index - FirstIndexOfMonth(published.Year, published.Month) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{published.Year % 100:00}{published.Month:00}.{number:00000}");
    }

    public DateTimeOffset PublishedAt(long index)
    {
        var ticks = (long)(Span.Ticks * ((index + 0.5) / Count));
        var at = _start.AddTicks(ticks);
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute));
    }

    /// <summary>Mostly 0 to a few, sometimes hundreds: a Pareto tail starting at 0.</summary>
    private static int HeavyTail(Random random, double alpha, int max) =>
        (int)Math.Min(max, Math.Floor(Math.Pow(1 - random.NextDouble(), -1 / alpha)) - 1);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private long FirstIndexOfMonth(int year, int month)
    {
        if (_firstIndexOfMonth.TryGetValue((year, month), out var first))
        {
            return first;
        }

        // The first index published in or after the month (publication dates rise with the index).
        var monthStart = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        long low = 0, high = Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (PublishedAt(middle) >= monthStart)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        _firstIndexOfMonth[(year, month)] = low;
        return low;
    }

    private string Title(Random random)
    {
        _text.Clear();
        var words = random.Next(6, 16);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                _text.Append(' ');
            }

            // "X Y for Z ...": the one lower-case word titles often have.
            _text.Append(i == 2 && random.NextDouble() < 0.3 ? "for" : _vocabulary.NextContentTitleCased(random));
        }

        return _text.ToString();
    }

    private string Abstract(Random random)
    {
        _text.Clear();
        var target = random.Next(120, 251);
        var written = 0;
        while (written < target)
        {
            var sentence = Math.Min(random.Next(10, 29), target - written);
            var phraseAt = random.NextDouble() < 0.25 ? random.Next(0, sentence) : -1;
            for (var i = 0; i < sentence; i++)
            {
                if (_text.Length > 0)
                {
                    _text.Append(' ');
                }

                var word = i == phraseAt ? MlWords.Phrases[random.Next(MlWords.Phrases.Count)] : _vocabulary.Next(random);
                if (i == 0)
                {
                    _text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                }
                else
                {
                    _text.Append(word);
                }

                written += i == phraseAt ? word.Count(c => c == ' ') + 1 : 1;
            }

            _text.Append('.');
        }

        return _text.ToString();
    }

    private string[] Keywords(Random random)
    {
        var count = random.Next(0, 5);
        var keywords = new string[count];
        for (var i = 0; i < count; i++)
        {
            keywords[i] = _vocabulary.NextHeadWord(random);
        }

        return [.. keywords.Distinct(StringComparer.Ordinal)];
    }
}
