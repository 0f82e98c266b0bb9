using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Parsing;

namespace ChatBot.Cli;

/// <summary>What importing one file did; <see cref="Error"/> is set when it could not be read at all.</summary>
internal sealed record FileImport(string File, PaperFormat Format, BatchOutcome? Outcome, string? Error)
{
    public bool Unreadable => Error is not null;

    public static async Task<FileImport> RunAsync(string path, string displayName, PaperIngestor ingestor, CancellationToken cancellationToken)
    {
        string content;
        try
        {
            content = await System.IO.File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileImport(displayName, PaperFormat.Unknown, null, $"cannot read the file: {e.Message}");
        }

        var format = PaperDocument.Detect(content);
        var parsed = PaperDocument.Parse(content, displayName);
        var outcome = await ingestor.IngestAsync(PaperBatch.From(displayName, parsed), cancellationToken);
        var error = parsed.Papers.Count == 0 && parsed.Rejections.Count > 0
            ? $"no paper could be read ({parsed.Rejections[0].Reason})"
            : null;
        return new FileImport(displayName, format, outcome, error);
    }
}
