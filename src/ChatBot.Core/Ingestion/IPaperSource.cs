namespace ChatBot.Core.Ingestion;

/// <summary>Somewhere papers come from: an API, a feed, a folder of files.</summary>
public interface IPaperSource
{
    /// <summary>A short name for logs and summaries (<c>huggingface</c>, <c>arxiv</c>, <c>inbox</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Yields what the source has now, batch by batch. Throws when the source cannot be reached;
    /// content it cannot read comes back as <see cref="PaperBatch.Rejections"/>.
    /// </summary>
    IAsyncEnumerable<PaperBatch> FetchAsync(CancellationToken cancellationToken);
}
