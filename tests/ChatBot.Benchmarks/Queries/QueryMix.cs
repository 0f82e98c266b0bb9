using ChatBot.Benchmarks.Corpus;
using ChatBot.Core.Search;

namespace ChatBot.Benchmarks.Queries;

/// <summary>
/// A reproducible stream of queries over the synthetic corpus, cycling through every
/// <see cref="QueryKind"/> in a shuffled order. Each query is written as text, parsed with
/// <see cref="SearchQueryParser"/> (what runs), and checked against the same query built from the model.
/// </summary>
internal sealed class QueryMix(int seed, Vocabulary vocabulary, AuthorPool authors)
{
    private const int WarmUpStream = 11;

    private static readonly QueryKind[] Kinds = Enum.GetValues<QueryKind>();

    private readonly Random _random = new(seed);
    private QueryKind[] _round = [];
    private int _next;

    /// <summary>
    /// Queries of the same kinds from another stream, for warm-ups that run until the JIT settles
    /// (<see cref="Measuring.JitWarmUp"/>): however long they run, the timed queries stay the same.
    /// </summary>
    public static QueryMix ForWarmUp(int seed, Vocabulary vocabulary, AuthorPool authors) =>
        new(SeedMix.For(seed, 0, stream: WarmUpStream), vocabulary, authors);

    public BenchmarkQuery Next()
    {
        if (_next == _round.Length)
        {
            _round = [.. Kinds];
            _random.Shuffle(_round);
            _next = 0;
        }

        return Create(_round[_next++]);
    }

    public List<BenchmarkQuery> Take(int count)
    {
        var queries = new List<BenchmarkQuery>(count);
        for (var i = 0; i < count; i++)
        {
            queries.Add(Next());
        }

        return queries;
    }

    private BenchmarkQuery Create(QueryKind kind)
    {
        switch (kind)
        {
            case QueryKind.HeadWord:
                return Words(kind, 1);
            case QueryKind.TwoWords:
                return Words(kind, 2);
            case QueryKind.ThreeWords:
                return Words(kind, 3);
            case QueryKind.Phrase:
            {
                var phrase = MlWords.Phrases[_random.Next(MlWords.Phrases.Count)];
                return Build(kind, $"\"{phrase}\"", new SearchQuery { Clauses = [Clause(QueryField.Any, phrase, isPhrase: true)] });
            }

            case QueryKind.Excluded:
            {
                var word = Head();
                var excluded = Head();
                return Build(kind, $"{word} -{excluded}", new SearchQuery
                {
                    Clauses = [Clause(QueryField.Any, word)],
                    Excluded = [new QueryTerm(QueryField.Any, excluded, IsPhrase: false)],
                });
            }

            case QueryKind.Title:
            {
                var word = Head();
                return Build(kind, $"title:{word}", new SearchQuery { Clauses = [Clause(QueryField.Title, word)] });
            }

            case QueryKind.Author:
            {
                var name = authors.NextName(_random);
                return Build(kind, $"author:\"{name}\"", new SearchQuery { Clauses = [Clause(QueryField.Author, name, isPhrase: true)] });
            }

            case QueryKind.Since:
            {
                var word = Head();
                return Build(kind, $"{word} since:30d", new SearchQuery
                {
                    Clauses = [Clause(QueryField.Any, word)],
                    Since = DateBound.Before(TimeSpan.FromDays(30)),
                });
            }

            case QueryKind.SortNew:
            {
                var word = Head();
                return Build(kind, $"{word} sort:new", new SearchQuery { Clauses = [Clause(QueryField.Any, word)], Sort = SearchSort.New });
            }

            case QueryKind.SortTop:
            {
                var word = Head();
                return Build(kind, $"{word} sort:top", new SearchQuery { Clauses = [Clause(QueryField.Any, word)], Sort = SearchSort.Top });
            }

            case QueryKind.MinUpvotes:
            {
                var word = Head();
                return Build(kind, $"upvotes:>=50 {word}", new SearchQuery { Clauses = [Clause(QueryField.Any, word)], MinUpvotes = 50 });
            }

            case QueryKind.RareWord:
            {
                var word = vocabulary.NextRare(_random);
                return Build(kind, word, new SearchQuery { Clauses = [Clause(QueryField.Any, word)] });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private BenchmarkQuery Words(QueryKind kind, int count)
    {
        var words = new List<string>(count);
        while (words.Count < count)
        {
            // The first word is a head word; the others follow the corpus frequencies, as people combine a topic with details.
            var word = words.Count == 0 ? Head() : vocabulary.NextContent(_random);
            if (!words.Contains(word, StringComparer.Ordinal))
            {
                words.Add(word);
            }
        }

        return Build(kind, string.Join(' ', words), new SearchQuery { Clauses = [.. words.Select(w => Clause(QueryField.Any, w))] });
    }

    private string Head() => vocabulary.NextHeadWord(_random);

    private static QueryClause Clause(QueryField field, string text, bool isPhrase = false) =>
        QueryClause.Of(new QueryTerm(field, text, isPhrase));

    /// <summary>Runs the text through the parser, as the bot does, checking it reads as <paramref name="intended"/>.</summary>
    private static BenchmarkQuery Build(QueryKind kind, string text, SearchQuery intended)
    {
        intended = intended with { Text = text };
        if (!SearchQueryParser.TryParse(text, out var parsed, out var error))
        {
            return new BenchmarkQuery(kind, text, intended, $"'{text}' does not parse: {error}");
        }

        var (expected, actual) = (QueryShape.Describe(intended), QueryShape.Describe(parsed));
        return expected == actual
            ? new BenchmarkQuery(kind, text, parsed, null)
            : new BenchmarkQuery(kind, text, parsed, $"'{text}' parses as {actual}, meant {expected}");
    }
}
