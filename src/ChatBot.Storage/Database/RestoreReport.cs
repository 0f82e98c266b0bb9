namespace ChatBot.Storage.Database;

/// <summary>
/// A restore done: the backup it came from, the database it replaced, its papers, and where the previous
/// database was kept (null when there was none).
/// </summary>
public sealed record RestoreReport(string Source, string Database, int Papers, string? Previous);
