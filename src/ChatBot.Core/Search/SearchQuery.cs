namespace ChatBot.Core.Search;

/// <summary>
/// A parsed query of the query language shared by search, alerts and daily-thread filters.
/// Every clause must match, no excluded term may match, and the filters narrow the result.
/// </summary>
public sealed record SearchQuery
{
    public static readonly SearchQuery Empty = new();

    /// <summary>The text the user typed.</summary>
    public string Text { get; init; } = "";

    public IReadOnlyList<QueryClause> Clauses { get; init; } = [];

    /// <summary>Terms that must not match (<c>-survey</c>, <c>-"large language"</c>, <c>-author:smith</c>).</summary>
    public IReadOnlyList<QueryTerm> Excluded { get; init; } = [];

    public DateBound? Since { get; init; }

    public DateBound? Until { get; init; }

    /// <summary>Inclusive lower bound on upvotes (<c>upvotes:&gt;=10</c>, <c>upvotes:&gt;9</c>).</summary>
    public int? MinUpvotes { get; init; }

    /// <summary>Inclusive upper bound on upvotes (<c>upvotes:&lt;=10</c>, <c>upvotes:&lt;11</c>).</summary>
    public int? MaxUpvotes { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>The mode the query names (<c>mode:</c>), or null for the bot's default.</summary>
    public SearchMode? Mode { get; init; }

    /// <summary>
    /// What the query means in words, for search by meaning: its plain words and phrases (not <c>title:</c>,
    /// <c>author:</c> or excluded terms), in the order typed.
    /// </summary>
    public string MeaningText => string.Join(' ', Clauses.SelectMany(c => c.AnyOf).Where(t => t.Field == QueryField.Any).Select(t => t.Text));

    /// <summary>
    /// The query without its plain words: what must hold of every paper in any mode (phrases, <c>title:</c>,
    /// <c>author:</c>, excluded terms, dates, upvotes). A clause with a plain word among its alternatives is dropped whole.
    /// </summary>
    public SearchQuery FiltersOnly() => this with
    {
        Clauses = [.. Clauses.Where(c => c.AnyOf.All(t => t.IsPhrase || t.Field != QueryField.Any))],
    };

    /// <summary>True when the query names something to match, not only filters.</summary>
    public bool HasTerms => Clauses.Count > 0;

    /// <summary>True when nothing at all narrows the result (every paper matches).</summary>
    public bool IsEmpty => Clauses.Count == 0 && Excluded.Count == 0 && Since is null && Until is null
        && MinUpvotes is null && MaxUpvotes is null;
}
