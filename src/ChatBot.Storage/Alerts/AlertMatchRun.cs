using System.Collections.Concurrent;
using System.Numerics;
using ChatBot.Core.Alerts;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// One <see cref="IAlertMatcher.MatchAsync"/> call. Each distinct word or phrase of the alerts is looked up
/// once: ruled out by the batch's term sets when the batch lacks one of its tokens, else the Lucene
/// query <see cref="PaperQueryBuilder.Term"/> makes for it (the query a search would use) is read from the batch's
/// postings (<see cref="BatchPostings"/>, the same documents a search finds) into a bit set of the batch's documents. An alert is then what a search asks Lucene for (<see cref="PaperQueryBuilder.Combine"/>'s
/// clauses, less <see cref="PaperQueryBuilder.Filter"/>'s excluded terms), done on those bit sets: every clause (the
/// union of its alternatives) and none of the excluded terms;
/// terms that analyse to nothing are dropped, as the builder drops them. Safe to use from several threads, each with
/// its own <see cref="MatchScratch"/>; an alert allocates nothing but its result.
/// </summary>
internal sealed class AlertMatchRun(AlertBatch batch, PaperQueryBuilder queries, Analyzer analyzer, DateTimeOffset now)
{
    /// <summary>A term the batch cannot match: no document.</summary>
    private readonly ulong[] _none = new ulong[batch.Words];
    private readonly ConcurrentDictionary<QueryTerm, ulong[]?> _termDocs = new();
    private readonly ConcurrentDictionary<string, string[]> _textTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _authorTokens = new(StringComparer.Ordinal);

    /// <summary>What one thread reuses from one alert to the next.</summary>
    public MatchScratch NewScratch() => new(batch);

    /// <summary>Adds the alert's matches, in document order, to <paramref name="matches"/>.</summary>
    public void Match(AlertQuery alert, MatchScratch scratch, List<AlertMatch> matches)
    {
        if (!Admit(alert.Query, scratch))
        {
            return;
        }

        var bits = scratch.Bits;
        for (var word = 0; word < bits.Length; word++)
        {
            for (var left = bits[word]; left != 0; left &= left - 1)
            {
                matches.Add(new AlertMatch(alert.AlertId, batch.Ids[(word << 6) + BitOperations.TrailingZeroCount(left)]));
            }
        }
    }

    /// <summary>The alert's matches as a bit set of positions in the list the batch was opened with; null when none.</summary>
    public AlertMatches? MatchSet(AlertQuery alert, MatchScratch scratch)
    {
        if (!Admit(alert.Query, scratch))
        {
            return null;
        }

        var set = AlertMatches.NewSet(batch.PaperCount);
        var bits = scratch.Bits;
        for (var word = 0; word < bits.Length; word++)
        {
            for (var left = bits[word]; left != 0; left &= left - 1)
            {
                var position = batch.Positions[(word << 6) + BitOperations.TrailingZeroCount(left)];
                set[position >> 6] |= 1UL << position;
            }
        }

        return new AlertMatches(alert.AlertId, set);
    }

    // Leaves exactly the documents the query matches in the scratch set (words, dates, upvotes); false when there are none.
    private bool Admit(SearchQuery query, MatchScratch work)
    {
        var scratch = work.Bits;
        var from = query.Since?.StartAt(now).UtcTicks ?? long.MinValue;
        var before = query.Until?.EndBefore(now).UtcTicks ?? long.MaxValue;
        var min = query.MinUpvotes ?? int.MinValue;
        var max = query.MaxUpvotes ?? int.MaxValue;
        if (from > batch.MaxDateTicks || before <= batch.MinDateTicks || min > batch.MaxUpvotes || max < batch.MinUpvotes)
        {
            return false;
        }

        if (!Evaluate(query, work))
        {
            return false;
        }

        if (from <= batch.MinDateTicks && before > batch.MaxDateTicks && min <= batch.MinUpvotes && max >= batch.MaxUpvotes)
        {
            return true; // no filter rules out a paper of the batch
        }

        ulong any = 0;
        for (var word = 0; word < scratch.Length; word++)
        {
            var bits = scratch[word];
            while (bits != 0)
            {
                var low = bits & (~bits + 1);
                bits &= bits - 1;
                var doc = (word << 6) + BitOperations.TrailingZeroCount(low);
                var date = batch.DateTicks[doc];
                var upvotes = batch.Upvotes[doc];
                if (!(date >= from && date < before && upvotes >= min && upvotes <= max))
                {
                    scratch[word] &= ~low;
                }
            }

            any |= scratch[word];
        }

        return any != 0;
    }

    // Leaves the documents the query's words admit in the scratch set; false when there are none.
    private bool Evaluate(SearchQuery query, MatchScratch work)
    {
        var scratch = work.Bits;
        batch.FillAll(scratch);
        var clauses = query.Clauses;
        for (var c = 0; c < clauses.Count; c++)
        {
            var anyOf = clauses[c].AnyOf;
            if (anyOf.Count == 1)
            {
                if (Docs(anyOf[0], work) is { } docs && !And(scratch, docs))
                {
                    return false;
                }

                continue;
            }

            var union = false;
            for (var t = 0; t < anyOf.Count; t++)
            {
                if (Docs(anyOf[t], work) is { } docs)
                {
                    if (!union)
                    {
                        Array.Clear(work.Union);
                        union = true;
                    }

                    Or(work.Union, docs);
                }
            }

            if (union && !And(scratch, work.Union))
            {
                return false;
            }
        }

        var excluded = query.Excluded;
        for (var t = 0; t < excluded.Count; t++)
        {
            if (Docs(excluded[t], work) is { } docs && !AndNot(scratch, docs))
            {
                return false;
            }
        }

        return true;
    }

    // The documents the term matches, or null when it analyses to nothing (the builder drops it). Each distinct term is
    // looked up once per batch, on the thread that first needs it, with that thread's postings reader.
    private ulong[]? Docs(QueryTerm term, MatchScratch work) =>
        _termDocs.TryGetValue(term, out var docs) ? docs : _termDocs.GetOrAdd(term, Search(term, work.Postings));

    private ulong[]? Search(QueryTerm term, BatchPostings postings)
    {
        switch (CanOccur(term))
        {
            case null:
                return null;
            case false:
                return _none;
        }

        if (queries.Term(term) is not { } query)
        {
            return null;
        }

        var bits = new ulong[batch.Words];
        postings.Collect(query, bits);
        return bits;
    }

    // True when the batch holds every token of the term in one field it is looked for in, false when not,
    // null when the term analyses to nothing (mirrors PaperQueryBuilder: a plain word needs text tokens).
    private bool? CanOccur(QueryTerm term)
    {
        switch (term.Field)
        {
            case QueryField.Title:
            {
                var tokens = TextTokens(term.Text);
                return tokens.Length == 0 ? null : batch.HasAll(PaperFields.Title, tokens);
            }

            case QueryField.Author:
            {
                var tokens = AuthorTokens(term.Text);
                return tokens.Length == 0 ? null : batch.HasAll(PaperFields.Authors, tokens);
            }

            default:
            {
                var tokens = TextTokens(term.Text);
                if (tokens.Length == 0)
                {
                    return null;
                }

                if (batch.HasAllInOneTextField(tokens))
                {
                    return true;
                }

                var names = AuthorTokens(term.Text);
                return names.Length > 0 && batch.HasAll(PaperFields.Authors, names);
            }
        }
    }

    private string[] TextTokens(string text) =>
        _textTokens.GetOrAdd(text, static (t, run) => run.Analyse(PaperFields.Title, t), this);

    private string[] AuthorTokens(string text) =>
        _authorTokens.GetOrAdd(text, static (t, run) => run.Analyse(PaperFields.Authors, t), this);

    private string[] Analyse(string field, string text)
    {
        var tokens = new List<string>(4);
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return [.. tokens];
    }

    private static bool And(ulong[] into, ulong[] other)
    {
        ulong any = 0;
        for (var i = 0; i < into.Length; i++)
        {
            any |= into[i] &= other[i];
        }

        return any != 0;
    }

    private static bool AndNot(ulong[] into, ulong[] other)
    {
        ulong any = 0;
        for (var i = 0; i < into.Length; i++)
        {
            any |= into[i] &= ~other[i];
        }

        return any != 0;
    }

    private static void Or(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= other[i];
        }
    }
}
