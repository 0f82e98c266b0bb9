using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>A paper of a matched batch, by its ingest sequence and its id.</summary>
public readonly record struct BatchPaper(long Sequence, PaperId Id);
