namespace ChatBot.Storage.Alerts;

/// <summary>One user's matches in a match page: each alert with the batch positions of its papers, ascending.</summary>
internal sealed record MatchPageEntry(string Platform, string UserId, IReadOnlyList<(string AlertId, int[] Positions)> Alerts);
