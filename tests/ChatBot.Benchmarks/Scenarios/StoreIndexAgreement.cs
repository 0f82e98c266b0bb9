using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// After an ingest, the store must hold exactly the corpus and the index must mirror it: as many documents as
/// papers, and the last revision the store gave out. Otherwise the figures measure a broken pipeline.
/// </summary>
internal static class StoreIndexAgreement
{
    public static async Task CheckAsync(IServiceProvider services, int expectedPapers, string when, CancellationToken cancellationToken)
    {
        var stats = await services.GetRequiredService<IPaperStore>().GetCountersAsync(cancellationToken);
        var index = await services.GetRequiredService<ISearchIndex>().GetStateAsync(cancellationToken);
        if (stats.Papers != expectedPapers)
        {
            throw new BenchmarkFailedException($"{when}: the store holds {stats.Papers} papers, not the {expectedPapers} distinct papers of the corpus");
        }

        if (index.Documents != stats.Papers || index.LastRevision != stats.LastRevision)
        {
            throw new BenchmarkFailedException(
                $"{when}: the index ({index.Documents} papers, revision {index.LastRevision}) disagrees with the store ({stats.Papers} papers, revision {stats.LastRevision})");
        }
    }
}
