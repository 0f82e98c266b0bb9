using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// Search in each mode over the real Lucene index and an in-memory vector store, with an embedder whose meaning is
/// spelled out (<see cref="ConceptEmbedder"/>): "calculator" and "API" mean tools without containing the word.
/// </summary>
public sealed class PaperSearchTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Paper CalculatorApi = Paper("2605.00001", "Teaching language models to call a calculator API", 1, daysAgo: 2, author: "Ada Lovelace");
    private static readonly Paper WeatherTools = Paper("2605.00002", "Tools for weather data", 2, daysAgo: 3, author: "Bo Chen");
    private static readonly Paper Diffusion = Paper("2605.00003", "Diffusion models for images", 3, daysAgo: 1, author: "Bo Chen");
    private static readonly Paper OldCalculator = Paper("2605.00004", "Calculator plugins for agents", 4, daysAgo: 400, author: "Cy Old");

    private readonly TempSearchIndex _index = new();
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly ConceptEmbedder _embedder = new();

    public async Task InitializeAsync()
    {
        Paper[] papers = [CalculatorApi, WeatherTools, Diffusion, OldCalculator];
        await _index.Index.IndexAsync(papers);
        await _vectors.ResetAsync(_embedder.ModelId, _embedder.Dimensions);
        var vectors = await _embedder.EmbedAsync([.. papers.Select(EmbeddingText.Of)]);
        await _vectors.ApplyAsync(new PaperVectorChanges(
            [.. papers.Select((p, i) => new PaperVector(p.Sequence, p.Id, EmbeddingText.Hash(p), vectors[i]))], [], papers.Length));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _vectors.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Hybrid_is_the_default_and_finds_papers_that_mean_the_words_without_containing_them()
    {
        var results = await SearchAsync("tools");

        Assert.Equal(SearchMode.Hybrid, results.Ranking);
        Assert.Contains(CalculatorApi.Id, Ids(results));
        Assert.Contains(WeatherTools.Id, Ids(results));
        Assert.False(results.RelaxedToAnyWord);
    }

    [Fact]
    public async Task Keyword_mode_finds_only_the_words()
    {
        var results = await SearchAsync("tools mode:keyword");

        Assert.Equal([WeatherTools.Id], Ids(results));
        Assert.Equal(SearchMode.Keyword, results.Ranking);
    }

    [Fact]
    public async Task Semantic_mode_ranks_by_meaning_alone()
    {
        var results = await SearchAsync("calculator mode:semantic");

        Assert.Equal(SearchMode.Semantic, results.Ranking);
        // Both calculator papers and the tools paper mean tools; the diffusion paper means nothing of it and comes last.
        Assert.Equal(Diffusion.Id, Ids(results)[^1]);
        Assert.Equal(4, results.TotalHits);
    }

    [Theory]
    [InlineData("calculator since:30d")]
    [InlineData("calculator author:\"Ada Lovelace\"")]
    [InlineData("calculator -plugins")]
    [InlineData("calculator \"language models\"")]
    public async Task Filters_hold_in_every_mode(string text)
    {
        foreach (var mode in new[] { "semantic", "hybrid" })
        {
            var results = await SearchAsync($"{text} mode:{mode}");

            Assert.DoesNotContain(OldCalculator.Id, Ids(results));
            Assert.Contains(CalculatorApi.Id, Ids(results));
        }
    }

    [Fact]
    public async Task Filters_that_admit_nothing_find_nothing_by_meaning_either()
    {
        var results = await SearchAsync("calculator author:nobody mode:semantic");

        Assert.Empty(results.Hits);
        Assert.Equal(0, results.TotalHits);
    }

    [Fact]
    public async Task Sorting_by_date_or_upvotes_ranks_by_words()
    {
        var results = await SearchAsync("tools sort:new");

        Assert.Equal(SearchMode.Keyword, results.Ranking);
        Assert.Equal([WeatherTools.Id], Ids(results));
    }

    [Fact]
    public async Task Without_the_model_hybrid_quietly_runs_on_keywords()
    {
        _embedder.Status = new EmbedderStatus(EmbedderState.Failed, "no native library");

        var results = await SearchAsync("tools");

        Assert.Equal(SearchMode.Keyword, results.Ranking);
        Assert.Equal([WeatherTools.Id], Ids(results));
        Assert.Null(results.FallbackReason);
    }

    [Fact]
    public async Task Without_the_model_semantic_mode_says_why_it_ran_on_keywords()
    {
        _embedder.Status = new EmbedderStatus(EmbedderState.Failed, "no native library");

        var results = await SearchAsync("tools mode:semantic");

        Assert.Equal([WeatherTools.Id], Ids(results));
        Assert.Equal("Search by meaning is unavailable (no native library), so these match the words.", results.FallbackReason);
    }

    [Fact]
    public async Task Pages_of_a_hybrid_ranking_do_not_overlap()
    {
        var first = await SearchAsync("calculator tools", offset: 0, limit: 2);
        var second = await SearchAsync("calculator tools", offset: 2, limit: 2);

        Assert.Equal(first.TotalHits, second.TotalHits);
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.Equal(first.TotalHits, Ids(first).Length + Ids(second).Length);
    }

    [Fact]
    public async Task Similar_papers_are_the_nearest_in_meaning_without_the_paper_itself()
    {
        var results = await Search().SimilarAsync(CalculatorApi.Id, 2);

        Assert.Equal(SearchMode.Semantic, results.Ranking);
        Assert.DoesNotContain(CalculatorApi.Id, Ids(results));
        // The other calculator paper shares its concepts (tools, agents); the weather tools paper only one.
        Assert.Equal(OldCalculator.Id, Ids(results)[0]);
    }

    [Fact]
    public async Task Without_the_model_similar_papers_share_distinctive_words()
    {
        _embedder.Status = new EmbedderStatus(EmbedderState.Disabled, "turned off");

        var results = await Search().SimilarAsync(CalculatorApi.Id, 2);

        Assert.Equal(SearchMode.Keyword, results.Ranking);
        Assert.DoesNotContain(CalculatorApi.Id, Ids(results));
    }

    private static Paper Paper(string arxivId, string title, long sequence, int daysAgo, string author) =>
        TestPapers.Arxiv(arxivId, title) with
        {
            Abstract = title + ".",
            Sequence = sequence,
            Revision = sequence,
            PublishedAt = Now.AddDays(-daysAgo),
            Authors = [author],
        };

    private static PaperId[] Ids(SearchResults results) => [.. results.Hits.Select(h => h.Id)];

    private PaperSearch Search() => new(_index.Index, new SemanticSearch(_embedder, _vectors), _embedder);

    private Task<SearchResults> SearchAsync(string text, int offset = 0, int limit = 10) =>
        Search().SearchAsync(SearchQueryParser.Parse(text), offset, limit, Now);

    /// <summary>Each word stands for a concept; texts about the same concepts are close, whatever their words.</summary>
    private sealed class ConceptEmbedder : ITextEmbedder
    {
        private static readonly Dictionary<string, int> Concepts = new(StringComparer.OrdinalIgnoreCase)
        {
            ["tools"] = 0, ["calculator"] = 0, ["api"] = 0, ["plugins"] = 0,
            ["weather"] = 1, ["data"] = 1,
            ["diffusion"] = 2, ["images"] = 2,
            ["language"] = 3, ["models"] = 3, ["agents"] = 3,
        };

        public string ModelId => "concepts-v1";

        public int Dimensions => 5;

        public EmbedderStatus Status { get; set; } = EmbedderStatus.Available;

        public Task<EmbedderStatus> EnsureLoadedAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status);

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Status.IsAvailable
                ? Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(Vector)])
                : throw new EmbedderUnavailableException(Status.Reason!);

        private float[] Vector(string text)
        {
            var vector = new float[Dimensions];
            foreach (var word in text.Split([' ', '.', '"'], StringSplitOptions.RemoveEmptyEntries))
            {
                vector[Concepts.GetValueOrDefault(word, Dimensions - 1)] += 1;
            }

            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            return [.. vector.Select(v => v / norm)];
        }
    }
}
