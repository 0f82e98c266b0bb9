using ChatBot.Core.Search;

namespace ChatBot.Core.Alerts;

/// <summary>One alert's parsed query, as the matcher receives it.</summary>
public sealed record AlertQuery(string AlertId, SearchQuery Query);
