using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Semantic;

/// <summary>
/// A paper's closest neighbour as a test works it out for itself, on a data directory no bot has open: every paper
/// embedded afresh through the host's <see cref="ITextEmbedder"/> (the packaged model) and compared with it by cosine,
/// all pairs, with no vector store or vector index involved; beside it, the first paper the keyword index offers
/// (MoreLikeThis). Where the two differ, a test that finds the first in the bot's reply would fail if similar papers
/// fell back to keywords.
/// </summary>
internal static class ClosestPaper
{
    public static async Task<(string ByMeaning, string ByWords)> FindAsync(string dataPath, PaperId source)
    {
        await using var app = ChatBotHost.CreateBuilder(SilentConsole.Create(), new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataPath }).Build();
        var store = app.Services.GetRequiredService<IPaperStore>();
        var embedder = app.Services.GetRequiredService<ITextEmbedder>();
        Assert.True((await embedder.EnsureLoadedAsync()).IsAvailable, "the packaged model did not load");
        await app.Services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, CancellationToken.None);

        List<Paper> papers = [.. (await store.ReadAfterAsync(0, 100_000)).Where(p => !p.Withdrawn)];
        var vectors = await embedder.EmbedAsync([.. papers.Select(EmbeddingText.Of)]);
        var from = vectors[papers.FindIndex(p => p.Id == source)];
        var byMeaning = papers.Select((paper, i) => (paper, similarity: Cosine.Of(from, vectors[i])))
            .Where(c => c.paper.Id != source)
            .MaxBy(c => c.similarity).paper;

        var byWords = (await app.Services.GetRequiredService<ISearchIndex>().SimilarAsync(source, 1))[0].Id;
        return (byMeaning.Title, (await store.FindAsync(byWords))!.Title);
    }
}
