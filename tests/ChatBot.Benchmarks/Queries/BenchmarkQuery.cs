using ChatBot.Core.Search;

namespace ChatBot.Benchmarks.Queries;

/// <summary>
/// A query of the mix: its shape, the text a user would type, and the query that runs (the text as
/// <see cref="SearchQueryParser"/> reads it). <see cref="Mismatch"/> is null when the parser reads the
/// text as the mix meant it, else what went wrong, for the report.
/// </summary>
internal sealed record BenchmarkQuery(QueryKind Kind, string Text, SearchQuery Query, string? Mismatch);
