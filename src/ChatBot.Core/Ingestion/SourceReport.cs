namespace ChatBot.Core.Ingestion;

/// <summary>One source's part of an ingest tick.</summary>
public sealed record SourceReport(string Source, int New, int Updated, int Unchanged, int Rejected, string? Error = null, bool Skipped = false)
{
    public bool Failed => Error is not null;
}
