using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>A paper of the batch that an alert's query matches.</summary>
public sealed record AlertMatch(string AlertId, PaperId PaperId);
