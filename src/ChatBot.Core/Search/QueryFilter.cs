namespace ChatBot.Core.Search;

/// <summary>The <c>name:</c> prefixes the query language knows.</summary>
internal enum QueryFilter
{
    Title,
    Author,
    Since,
    Until,
    Upvotes,
    Sort,
    Mode,
}
