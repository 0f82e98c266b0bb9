using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBot.Storage.Search;

/// <summary>
/// Looks the terms of a query up in every segment before Lucene does, with terms enumerators kept per thread and segment
/// reader. Lucene's <see cref="TermQuery"/> looks its term up with a new enumerator per segment and field
/// (<see cref="TermContext.Build"/>): measured at 100,000 papers in nine segments, that was two thirds of the 430 KB a
/// one-word search allocated, and the garbage collections it caused stopped about one search in a hundred for several
/// milliseconds. A query given its <see cref="TermContext"/> skips the look-up; the statistics, and so the scores, are the
/// same. Phrases look their terms up themselves (Lucene's <see cref="PhraseQuery"/> takes no term states).
/// </summary>
internal static class TermStates
{
    // Per thread: an enumerator is not safe to share. Keyed by segment reader instance (unchanged segments keep theirs across
    // refreshes); dropped with the reader.
    [ThreadStatic]
    private static ConditionalWeakTable<AtomicReader, Dictionary<string, TermsEnum?>>? t_enums;

    /// <summary>
    /// The query with its term queries (also inside disjunctions and boolean queries) given their term states in the
    /// searcher's reader; it must run on a searcher of that reader. Other queries are left as they are.
    /// </summary>
    public static Query Resolve(Query query, IndexReaderContext top)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(top);
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, Build(top, term.Term)) { Boost = term.Boost };
            case DisjunctionMaxQuery anyOf:
                var disjunction = new DisjunctionMaxQuery(anyOf.TieBreakerMultiplier) { Boost = anyOf.Boost };
                foreach (var disjunct in anyOf.Disjuncts)
                {
                    disjunction.Add(Resolve(disjunct, top));
                }

                return disjunction;
            case BooleanQuery boolean:
                var resolved = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    resolved.Add(Resolve(clause.Query, top), clause.Occur);
                }

                return resolved;
            default:
                return query;
        }
    }

    /// <summary>What <see cref="TermContext.Build"/> gives, from this thread's kept enumerators.</summary>
    public static TermContext Build(IndexReaderContext top, Term term)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(term);
        var states = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (Enumerator(leaf.AtomicReader, term.Field) is { } termsEnum && termsEnum.SeekExact(term.Bytes))
            {
                states.Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }

        return states;
    }

    /// <summary>This thread's terms enumerator of <paramref name="field"/> in <paramref name="segment"/>; null when the field has no terms there.</summary>
    public static TermsEnum? Enumerator(AtomicReader segment, string field)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var enums = t_enums ??= new ConditionalWeakTable<AtomicReader, Dictionary<string, TermsEnum?>>();
        var byField = enums.GetValue(segment, _ => new Dictionary<string, TermsEnum?>(StringComparer.Ordinal));
        if (!byField.TryGetValue(field, out var termsEnum))
        {
            termsEnum = segment.Fields?.GetTerms(field)?.GetEnumerator();
            byField[field] = termsEnum;
        }

        return termsEnum;
    }
}
