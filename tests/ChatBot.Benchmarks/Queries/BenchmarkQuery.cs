using ChatBot.Core.Search;

namespace ChatBot.Benchmarks.Queries;

/// <summary>A query of the mix: its shape, the text a user would type, and the parsed form.</summary>
internal sealed record BenchmarkQuery(QueryKind Kind, string Text, SearchQuery Query);
