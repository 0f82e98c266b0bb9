namespace ChatBot.Core.Search;

/// <summary>
/// A required part of a query: at least one of <see cref="AnyOf"/> must match. A plain word is a
/// clause of one term; <c>diffusion OR "video generation"</c> is one clause of two.
/// </summary>
public sealed record QueryClause(IReadOnlyList<QueryTerm> AnyOf)
{
    public static QueryClause Of(QueryTerm term) => new([term]);

    public override string ToString() => string.Join(" OR ", AnyOf);
}
