namespace ChatBot.Storage.Database;

/// <summary>A backup written: where, how large, how many papers it holds, how long it took.</summary>
public sealed record BackupReport(string Path, long Bytes, int Papers, TimeSpan Elapsed);
