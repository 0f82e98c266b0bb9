using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Semantic;

public sealed class SemanticSearchTests : IDisposable
{
    private readonly InMemoryPaperStore _papers = new(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly FakeTextEmbedder _embedder = new();

    public void Dispose() => _vectors.Dispose();

    [Fact]
    public async Task A_query_finds_the_paper_closest_in_meaning_first()
    {
        var search = await SearchOverAsync();

        var hits = await search.SearchAsync("language model agents use tools", 3);

        Assert.Equal(PaperId.Parse("2501.00002"), hits![0].Id);
        Assert.Equal(3, hits.Count);
    }

    [Fact]
    public async Task A_query_only_ranks_the_papers_it_is_allowed()
    {
        var search = await SearchOverAsync();

        var hits = await search.SearchAsync("language model agents use tools", 3, sequence => sequence != 2);

        Assert.DoesNotContain(hits!, h => h.Sequence == 2);
    }

    [Fact]
    public async Task Similar_papers_leave_out_the_paper_itself()
    {
        var search = await SearchOverAsync();

        var hits = await search.SimilarAsync(PaperId.Parse("2501.00002"), 2);

        Assert.Equal(2, hits!.Count);
        Assert.DoesNotContain(hits, h => h.Id == PaperId.Parse("2501.00002"));
        Assert.Null(await search.SimilarAsync(PaperId.Parse("2501.09999"), 2));
    }

    [Fact]
    public async Task Without_the_model_every_answer_is_null_so_callers_use_keywords()
    {
        var search = await SearchOverAsync();
        _embedder.Status = new EmbedderStatus(EmbedderState.Failed, "no native library");

        Assert.False(search.IsAvailable);
        Assert.Null(await search.SearchAsync("language model agents use tools", 3));
        Assert.Null(await search.EmbedAsync("language model agents use tools"));
    }

    [Fact]
    public async Task Vectors_of_another_model_are_not_compared_with_this_models_queries()
    {
        await SearchOverAsync();
        var search = new SemanticSearch(new FakeTextEmbedder(modelId: "fake-words-v2"), _vectors);

        Assert.Null(await search.SearchAsync("language model agents use tools", 3));
        Assert.Null(await search.SimilarAsync(PaperId.Parse("2501.00002"), 2));
    }

    private async Task<SemanticSearch> SearchOverAsync()
    {
        await _papers.UpsertAsync(
        [
            TestPapers.Arxiv("2501.00001", "State space models for long sequences"),
            TestPapers.Arxiv("2501.00002", "Teaching language model agents to use tools"),
            TestPapers.Arxiv("2501.00003", "Diffusion models for images"),
            TestPapers.Arxiv("2501.00004", "Agents that plan"),
        ]);
        await new PaperVectorSynchronizer(_papers, _vectors, _embedder, NullLogger<PaperVectorSynchronizer>.Instance).CatchUpAsync(null, CancellationToken.None);
        return new SemanticSearch(_embedder, _vectors);
    }
}
