namespace ChatBot.Core.Ingestion;

/// <summary>
/// Something a source could not read: where (file or URL, and line when known) and why.
/// </summary>
public sealed record Rejection(string Origin, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{Origin}:{line}: {Reason}" : $"{Origin}: {Reason}";
}
