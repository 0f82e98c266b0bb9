using ChatBot.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace ChatBot.Storage.Search;

/// <summary>
/// Translates a <see cref="SearchQuery"/> into Lucene queries, analysing each word or phrase with the
/// analyzer of the field it is looked for in. User text never reaches Lucene's query parser, so no
/// query can fail with Lucene syntax; a word that analyses to nothing (a stop word) is dropped.
/// </summary>
internal sealed class PaperQueryBuilder(Analyzer analyzer)
{
    private const float TitleBoost = 3f;
    private const float KeywordsBoost = 1.5f;
    private const float TieBreaker = 0.1f;

    /// <summary>The query's clauses as Lucene queries, without those that analysed to nothing.</summary>
    public IReadOnlyList<Query> Clauses(SearchQuery query) => Built(query.Clauses, Clause);

    /// <summary>
    /// Every clause required (or, <paramref name="anyClause"/>, at least one); all papers when there is no clause. The
    /// excluded words are left out here: <see cref="Filter"/> holds them.
    /// </summary>
    public static Query Combine(IReadOnlyList<Query> clauses, bool anyClause)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        if (clauses.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        if (clauses.Count == 1)
        {
            return clauses[0];
        }

        var combined = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses)
        {
            combined.Add(clause, anyClause ? Occur.SHOULD : Occur.MUST);
        }

        return combined;
    }

    /// <summary>
    /// The excluded words (<see cref="ExcludedTermsFilter"/>), the date and the upvote bounds as one filter, or null
    /// when there are none.
    /// </summary>
    public Filter? Filter(SearchQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<Filter>(3);
        if (Excluded(query) is { Count: > 0 } excluded)
        {
            filters.Add(new ExcludedTermsFilter(excluded));
        }

        if (query.Since is not null || query.Until is not null)
        {
            long? from = query.Since?.StartAt(now).UtcTicks;
            long? before = query.Until?.EndBefore(now).UtcTicks;
            filters.Add(NumericRangeFilter.NewInt64Range(PaperFields.Date, from, before, minInclusive: true, maxInclusive: false));
        }

        if (query.MinUpvotes is not null || query.MaxUpvotes is not null)
        {
            // From doc values, which an upvote change updates in place (PaperFields.UpvotesSort); kept per segment reader.
            filters.Add(new UpvoteRangeFilter(query.MinUpvotes, query.MaxUpvotes));
        }

        switch (filters.Count)
        {
            case 0:
                return null;
            case 1:
                return filters[0];
            default:
                var all = new BooleanFilter();
                foreach (var filter in filters)
                {
                    all.Add(filter, Occur.MUST);
                }

                return all;
        }
    }

    // The excluded words that analyse to something, as queries.
    private List<Query> Excluded(SearchQuery query) => Built(query.Excluded, Term);

    // What build makes of each item, leaving out the items that analyse to nothing.
    private static List<Query> Built<T>(IReadOnlyCollection<T> items, Func<T, Query?> build)
    {
        var built = new List<Query>(items.Count);
        foreach (var item in items)
        {
            if (build(item) is { } query)
            {
                built.Add(query);
            }
        }

        return built;
    }

    private Query? Clause(QueryClause clause)
    {
        if (clause.AnyOf.Count == 1)
        {
            return Term(clause.AnyOf[0]);
        }

        var anyOf = new BooleanQuery(disableCoord: true);
        foreach (var term in clause.AnyOf)
        {
            if (Term(term) is { } built)
            {
                anyOf.Add(built, Occur.SHOULD);
            }
        }

        return anyOf.Clauses.Count switch
        {
            0 => null,
            1 => anyOf.Clauses[0].Query,
            _ => anyOf,
        };
    }

    /// <summary>One word or phrase as a Lucene query in the fields it is looked for in; null when it analyses to nothing.</summary>
    public Query? Term(QueryTerm term) => term.Field switch
    {
        QueryField.Title => Match(PaperFields.Title, term.Text),
        QueryField.Author => Match(PaperFields.Authors, term.Text),
        _ => AnyField(term),
    };

    // A word or phrase anywhere: the best-matching field counts, the title most.
    private DisjunctionMaxQuery? AnyField(QueryTerm term)
    {
        var text = Analyse(PaperFields.Title, term.Text);
        if (text.Count == 0)
        {
            return null;
        }

        var anyField = new DisjunctionMaxQuery(TieBreaker)
        {
            Boosted(Match(PaperFields.Title, text), TitleBoost),
            Match(PaperFields.Abstract, text),
            Boosted(Match(PaperFields.Keywords, text), KeywordsBoost),
        };
        if (Match(PaperFields.Authors, term.Text) is { } author)
        {
            anyField.Add(author);
        }

        return anyField;
    }

    private Query? Match(string field, string text)
    {
        var tokens = Analyse(field, text);
        return tokens.Count == 0 ? null : Match(field, tokens);
    }

    // One token is a term query; several (a phrase, or a word such as "time-series") must occur in order.
    private static Query Match(string field, List<(string Text, int Position)> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Text));
        }

        var phrase = new PhraseQuery();
        foreach (var (text, position) in tokens)
        {
            phrase.Add(new Term(field, text), position);
        }

        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private List<(string Text, int Position)> Analyse(string field, string text)
    {
        var tokens = new List<(string, int)>(4);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), Math.Max(position, 0)));
        }

        stream.End();
        if (tokens.Count > 0 && tokens[0].Item2 > 0)
        {
            // A phrase that starts with a stop word ("the transformer") starts at the first kept word.
            var shift = tokens[0].Item2;
            for (var i = 0; i < tokens.Count; i++)
            {
                tokens[i] = (tokens[i].Item1, tokens[i].Item2 - shift);
            }
        }

        return tokens;
    }
}
