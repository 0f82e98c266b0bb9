namespace ChatBot.Core.Storage;

/// <summary>Counts for the <c>stats</c> verb and for health checks.</summary>
public sealed record PaperStats(
    int Papers,
    IReadOnlyDictionary<string, int> BySource,
    DateTimeOffset? OldestPublished,
    DateTimeOffset? NewestPublished,
    long LastSequence,
    long LastRevision);
