using System.Collections.Concurrent;
using ChatBot.Core.Alerts;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// One <see cref="IAlertMatcher.MatchAsync"/> call: prepares each distinct alert query once for the batch
/// (skipping those whose words the batch lacks, or whose bounds no paper of the batch passes) and runs the
/// rest on the batch's searcher. Safe to use from several threads at once.
/// </summary>
internal sealed class AlertMatchRun(AlertBatch batch, PaperQueryBuilder queries, Analyzer analyzer, DateTimeOffset now)
{
    private readonly ConcurrentDictionary<string, PreparedAlert> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _textTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _authorTokens = new(StringComparer.Ordinal);

    /// <summary>Adds the alert's matches, in document order, to <paramref name="matches"/>.</summary>
    public void Match(AlertQuery alert, MatchingDocCollector collector, List<AlertMatch> matches)
    {
        var prepared = Prepare(alert.Query);
        if (prepared.Query is null)
        {
            return;
        }

        collector.Start(alert.AlertId, prepared, matches);
        batch.Searcher.Search(prepared.Query, collector);
    }

    // The parser's text identifies a query; a query built in code without text is keyed by its parts.
    private PreparedAlert Prepare(SearchQuery query) => _prepared.GetOrAdd(
        query.Text.Length > 0 ? query.Text : "\0" + Describe(query),
        static (_, state) => state.Run.Build(state.Query),
        (Run: this, Query: query));

    private PreparedAlert Build(SearchQuery query)
    {
        var from = query.Since?.StartAt(now).UtcTicks ?? long.MinValue;
        var before = query.Until?.EndBefore(now).UtcTicks ?? long.MaxValue;
        var min = query.MinUpvotes ?? int.MinValue;
        var max = query.MaxUpvotes ?? int.MaxValue;
        if (from >= before || from > batch.MaxDateTicks || before <= batch.MinDateTicks
            || min > max || min > batch.MaxUpvotes || max < batch.MinUpvotes)
        {
            return PreparedAlert.Never;
        }

        foreach (var clause in query.Clauses)
        {
            if (!CanMatch(clause))
            {
                return PreparedAlert.Never;
            }
        }

        var lucene = queries.Combine(queries.Clauses(query), query, anyClause: false);
        return new PreparedAlert(lucene, from, before, min, max);
    }

    // A clause can match when one of its alternatives can; alternatives that analyse to nothing are
    // dropped by the query builder, and a clause left with none is dropped (it constrains nothing).
    private bool CanMatch(QueryClause clause)
    {
        var constrains = false;
        foreach (var term in clause.AnyOf)
        {
            switch (CanOccur(term))
            {
                case true:
                    return true;
                case false:
                    constrains = true;
                    break;
            }
        }

        return !constrains;
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

    private static string Describe(SearchQuery query) => string.Join(
        '\u001f',
        string.Join('\u001e', query.Clauses),
        string.Join('\u001e', query.Excluded),
        query.Since?.ToString() ?? "",
        query.Until?.ToString() ?? "",
        query.MinUpvotes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        query.MaxUpvotes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
