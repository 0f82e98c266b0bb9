namespace ChatBot.Core.Search;

/// <summary>
/// What the index holds: its document count and the highest paper revision it has applied.
/// <see cref="WasReset"/> is true when the index was missing or damaged on open and started empty.
/// </summary>
public sealed record SearchIndexState(int Documents, long LastRevision, bool WasReset);
