using System.Text;

namespace ChatBot.Core.Search;

/// <summary>
/// One pass over a query's text, left to right. Each item is separated by whitespace (or control
/// characters) and is one of: <c>OR</c>; an optional <c>-</c> followed by a <c>"phrase"</c>, a
/// <c>name:value</c> filter or a plain word. Every error carries the position of the text at fault.
/// </summary>
/// <remarks>
/// A word is a filter only when it starts with 2–20 ASCII letters and a colon. Even then it stays a plain
/// word when the name is a link or identifier scheme (<c>https://…</c>, <c>arXiv:2106.04554</c>, <c>doi:…</c>),
/// when the value starts with <c>//</c>, or when the name is unknown and nothing follows the colon
/// (<c>BERT:</c> in a pasted title). An unknown name with a value (<c>autor:smith</c>) is an error.
/// </remarks>
internal sealed class QueryReader
{
    private const string OrNeedsWords = "OR needs a word on both sides";
    private const string OrCannotExclude = "OR cannot join an excluded word — drop the - or the OR";
    private const int MaxFilterNameLength = 20;

    // Characters trimmed from both ends of a plain word: sentence punctuation and brackets, not + or #.
    private static readonly char[] Punctuation = [.. ".,;:!?()[]{}\"'“”‘’«»„¿¡…-–—"];

    // Phones turn " into “ and ”, so curly quotes delimit phrases too.
    private const string OpeningQuotes = "\"“„";
    private static readonly char[] ClosingQuotes = ['"', '”', '“'];

    private readonly string _text;
    private readonly List<List<QueryTerm>> _clauses = [];
    private readonly List<QueryTerm> _excluded = [];
    private int _pos;
    private Item _last = Item.None;
    private int? _pendingOr;
    private DateBound? _since;
    private DateBound? _until;
    private (int Position, int Length, string Raw) _sinceAt;
    private (int Position, int Length, string Raw) _untilAt;
    private int? _minUpvotes;
    private int? _maxUpvotes;
    private (int Position, int Length) _upvotesAt;
    private SearchSort _sort = SearchSort.Relevance;
    private SearchMode? _mode;

    private QueryReader(string text) => _text = text;

    private enum Item
    {
        None,
        Word,
        Excluded,
        Or,
        Filter,
    }

    public static bool TryRead(string text, out SearchQuery query, out QueryError? error)
    {
        var reader = new QueryReader(text);
        error = reader.Read();
        query = error is null ? reader.Build() : SearchQuery.Empty;
        return error is null;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF';

    private QueryError? Read()
    {
        while (true)
        {
            while (_pos < _text.Length && IsSeparator(_text[_pos]))
            {
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            if (ReadItem() is { } error)
            {
                return error;
            }
        }

        if (_pendingOr is { } or)
        {
            return new QueryError(OrNeedsWords, or, 2);
        }

        return CheckRanges();
    }

    private QueryError? ReadItem()
    {
        var start = _pos;
        var negated = false;
        if (_text[_pos] == '-')
        {
            _pos++;
            if (_pos >= _text.Length || IsSeparator(_text[_pos]))
            {
                // A lone dash is punctuation ("vision - language"), not an exclusion of nothing.
                return null;
            }

            negated = true;
        }

        if (OpeningQuotes.Contains(_text[_pos], StringComparison.Ordinal))
        {
            return ReadPhrase(out var phrase) ?? AddTerm(new QueryTerm(QueryField.Any, phrase, true), start, negated);
        }

        if (FilterName() is { } name)
        {
            var valueStart = _pos + name.Length + 1;
            var hasValue = valueStart < _text.Length && !IsSeparator(_text[valueStart]);
            if (QueryFilters.TryFind(name, out var filter))
            {
                _pos = valueStart;
                return ReadFilter(filter, start, negated, name.Length + 1, hasValue);
            }

            var isLink = QueryFilters.IsScheme(name) || _text.AsSpan(valueStart).StartsWith("//", StringComparison.Ordinal);
            if (hasValue && !isLink)
            {
                var suggestion = QueryFilters.Suggest(name);
                var message = suggestion is null
                    ? $"unknown filter '{name}:' — use {QueryFilters.List()}"
                    : $"unknown filter '{name}:' — did you mean '{suggestion}:'?";
                return new QueryError(message, _pos, name.Length + 1);
            }
        }

        var raw = ReadToSeparator();
        if (!negated && raw == "OR")
        {
            return AddOr(start);
        }

        var word = raw.Trim(Punctuation);
        return word.Length == 0 ? null : AddTerm(new QueryTerm(QueryField.Any, word, false), start, negated);
    }

    /// <summary>The filter-shaped name at the current position (letters then a colon), without moving.</summary>
    private string? FilterName()
    {
        var end = _pos;
        while (end < _text.Length && end - _pos <= MaxFilterNameLength && char.IsAsciiLetter(_text[end]))
        {
            end++;
        }

        var length = end - _pos;
        return length is >= 2 and <= MaxFilterNameLength && end < _text.Length && _text[end] == ':'
            ? _text[_pos..end]
            : null;
    }

    private QueryError? ReadFilter(QueryFilter filter, int start, bool negated, int prefixLength, bool hasValue)
    {
        var name = QueryFilters.Names[(int)filter] + ":";
        var nameAt = negated ? start + 1 : start;
        if (filter is QueryFilter.Title or QueryFilter.Author)
        {
            var field = filter == QueryFilter.Title ? QueryField.Title : QueryField.Author;
            var needs = $"{name} needs a word or \"a phrase\"";
            if (!hasValue)
            {
                return new QueryError(needs, nameAt, prefixLength);
            }

            if (OpeningQuotes.Contains(_text[_pos], StringComparison.Ordinal))
            {
                return ReadPhrase(out var phrase) ?? AddTerm(new QueryTerm(field, phrase, true), start, negated);
            }

            var valueAt = _pos;
            var raw = ReadToSeparator();
            var word = raw.Trim(Punctuation);
            return word.Length == 0
                ? new QueryError(needs, valueAt, raw.Length)
                : AddTerm(new QueryTerm(field, word, false), start, negated);
        }

        if (negated)
        {
            return new QueryError($"{name} cannot be excluded — remove the -", start, 1);
        }

        if (_pendingOr is { } or)
        {
            return new QueryError(OrNeedsWords, or, 2);
        }

        _last = Item.Filter;
        var at = _pos;
        var value = ReadToSeparator();
        // Point at the value, or at the filter name when the value is missing.
        var (position, length) = value.Length > 0 ? (at, value.Length) : (nameAt, prefixLength);
        switch (filter)
        {
            case QueryFilter.Since or QueryFilter.Until:
                if (!QueryValues.TryParseDateBound(value, out var bound))
                {
                    return new QueryError($"{name} expects a number of days like 7d or a date like 2025-01-01", position, length);
                }

                if (filter == QueryFilter.Since)
                {
                    (_since, _sinceAt) = (bound, (nameAt, _pos - nameAt, _text[nameAt.._pos]));
                }
                else
                {
                    (_until, _untilAt) = (bound, (nameAt, _pos - nameAt, _text[nameAt.._pos]));
                }

                return null;
            case QueryFilter.Upvotes:
                if (!QueryValues.TryParseUpvotes(value, out var min, out var max))
                {
                    return new QueryError($"{name} expects a comparison like >=10", position, length);
                }

                _minUpvotes = min ?? _minUpvotes;
                _maxUpvotes = max ?? _maxUpvotes;
                _upvotesAt = (nameAt, _pos - nameAt);
                return null;
            case QueryFilter.Mode:
                if (!QueryValues.TryParseMode(value, out var mode))
                {
                    return new QueryError($"{name} expects hybrid, keyword or semantic", position, length);
                }

                _mode = mode;
                return null;
            default:
                if (!QueryValues.TryParseSort(value, out var sort))
                {
                    return new QueryError($"{name} expects relevance, new or top", position, length);
                }

                _sort = sort;
                return null;
        }
    }

    /// <summary>Reads a quoted phrase starting at the current position; its words are kept, whitespace collapsed.</summary>
    private QueryError? ReadPhrase(out string phrase)
    {
        phrase = "";
        var open = _pos;
        var close = _text.IndexOfAny(ClosingQuotes, open + 1);
        if (close < 0)
        {
            return new QueryError("unclosed quote — add a closing \"", open, 1);
        }

        _pos = close + 1;
        var words = new StringBuilder();
        var inner = _text.AsSpan(open + 1, close - open - 1);
        foreach (var c in inner)
        {
            if (IsSeparator(c))
            {
                if (words.Length > 0 && words[^1] != ' ')
                {
                    words.Append(' ');
                }
            }
            else
            {
                words.Append(c);
            }
        }

        phrase = words.ToString().TrimEnd(' ');
        return phrase.Length == 0 ? new QueryError("empty quotes — put a word or phrase between them", open, close - open + 1) : null;
    }

    private string ReadToSeparator()
    {
        var start = _pos;
        while (_pos < _text.Length && !IsSeparator(_text[_pos]))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private QueryError? AddTerm(QueryTerm term, int start, bool negated)
    {
        if (negated)
        {
            if (_pendingOr is not null)
            {
                return new QueryError(OrCannotExclude, start, _pos - start);
            }

            _excluded.Add(term);
            _last = Item.Excluded;
            return null;
        }

        if (_pendingOr is not null)
        {
            _clauses[^1].Add(term);
            _pendingOr = null;
        }
        else
        {
            _clauses.Add([term]);
        }

        _last = Item.Word;
        return null;
    }

    private QueryError? AddOr(int start)
    {
        switch (_last)
        {
            case Item.Word:
                _pendingOr = start;
                _last = Item.Or;
                return null;
            case Item.Excluded:
                return new QueryError(OrCannotExclude, start, 2);
            default:
                return new QueryError(OrNeedsWords, start, 2);
        }
    }

    private QueryError? CheckRanges()
    {
        if (_since is { } since && _until is { } until)
        {
            var empty = (since.Ago, until.Ago, since.Date, until.Date) switch
            {
                ({ } sinceAgo, { } untilAgo, _, _) => sinceAgo <= untilAgo,
                (_, _, { } sinceDate, { } untilDate) => sinceDate > untilDate,
                // One relative and one absolute: which is later depends on the day the query runs.
                _ => false,
            };
            if (empty)
            {
                return new QueryError($"{_sinceAt.Raw} is later than {_untilAt.Raw} — nothing can match", _sinceAt.Position, _sinceAt.Length);
            }
        }

        if (_minUpvotes > _maxUpvotes)
        {
            return new QueryError(
                $"upvotes: at least {_minUpvotes} and at most {_maxUpvotes} — nothing can match", _upvotesAt.Position, _upvotesAt.Length);
        }

        return null;
    }

    private SearchQuery Build() => new()
    {
        Text = _text.Trim(),
        Clauses = [.. _clauses.Select(anyOf => new QueryClause([.. anyOf]))],
        Excluded = [.. _excluded],
        Since = _since,
        Until = _until,
        MinUpvotes = _minUpvotes,
        MaxUpvotes = _maxUpvotes,
        Sort = _sort,
        Mode = _mode,
    };
}
