using ChatBot.Core.Ingestion;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Testing;

/// <summary>Builds a <see cref="PaperIngestor"/> wired to a store and an index, as the host wires it.</summary>
public static class TestIngestor
{
    public static PaperIngestor Create(IPaperStore store, IOptions<IngestOptions> options, ISearchIndex? index = null) =>
        new(store, new SearchIndexSynchronizer(store, index ?? new RecordingSearchIndex(), NullLogger<SearchIndexSynchronizer>.Instance), options);
}
