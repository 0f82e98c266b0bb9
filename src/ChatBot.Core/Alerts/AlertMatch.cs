using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>
/// A paper of the batch that an alert's query matches. A value, not an object: a batch of common words
/// makes millions of matches, and a list of structs holds them without an object (and a GC root) each.
/// </summary>
public readonly record struct AlertMatch(string AlertId, PaperId PaperId);
