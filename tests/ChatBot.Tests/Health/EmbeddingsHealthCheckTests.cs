using ChatBot.Core.Semantic;
using ChatBot.Health;
using ChatBot.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Health;

/// <summary>Readiness of search by meaning: never unhealthy (keywords still work), degraded and saying why when the model cannot load.</summary>
public sealed class EmbeddingsHealthCheckTests : IDisposable
{
    private readonly InMemoryPaperStore _store = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly FakeTextEmbedder _embedder = new();
    private readonly PaperVectorSynchronizer _synchronizer;

    public EmbeddingsHealthCheckTests() => _synchronizer = new PaperVectorSynchronizer(_store, _vectors, _embedder, NullLogger<PaperVectorSynchronizer>.Instance);

    public void Dispose()
    {
        _synchronizer.Dispose();
        _vectors.Dispose();
    }

    [Fact]
    public async Task With_the_model_running_it_reports_how_many_papers_have_a_vector()
    {
        await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "One"), TestPapers.Arxiv("2501.00002", "Two")]);
        await _synchronizer.CatchUpAsync(progress: null, CancellationToken.None);

        var result = await Check(_embedder);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.StartsWith("2 papers embedded, at revision 2 of 2 (fake-words-v1, ", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_could_not_load_degrades_readiness_and_says_why()
    {
        _embedder.Status = new EmbedderStatus(EmbedderState.Failed, "DllNotFoundException: Unable to load shared library 'onnxruntime'");

        var result = await Check(_embedder);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("the embedding model could not load (DllNotFoundException: Unable to load shared library 'onnxruntime'); search runs on keywords", result.Description);
    }

    [Fact]
    public async Task A_model_turned_off_is_healthy_and_says_so()
    {
        var result = await Check(new DisabledTextEmbedder());

        Assert.Equal((HealthStatus.Healthy, "turned off (Embeddings:Enabled is false); search runs on keywords"), (result.Status, result.Description));
    }

    private Task<HealthCheckResult> Check(ITextEmbedder embedder) =>
        new EmbeddingsHealthCheck(embedder, _synchronizer, _vectors, _store).CheckHealthAsync(new HealthCheckContext());
}
