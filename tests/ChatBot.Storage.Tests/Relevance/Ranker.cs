namespace ChatBot.Storage.Tests.Relevance;

/// <summary>A ranking function under evaluation: the ids of the best <paramref name="limit"/> papers for a query, best first.</summary>
internal delegate Task<IReadOnlyList<string>> Ranker(string query, int limit, CancellationToken cancellationToken);
