using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Semantic;

public sealed class PaperVectorSynchronizerTests : IDisposable
{
    private readonly InMemoryPaperStore _papers = new(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly FakeTextEmbedder _embedder = new();

    public void Dispose() => _vectors.Dispose();

    [Fact]
    public async Task A_first_catch_up_embeds_every_paper_once_from_title_and_abstract()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models"), TestPapers.Arxiv("2501.00002", "Tool use by agents")]);

        var report = await Synchronizer().CatchUpAsync(progress: null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.ModelChanged, report.Reason);
        Assert.Equal(2, report.PapersEmbedded);
        Assert.Equal(2, _embedder.Embedded.Count);
        Assert.StartsWith("State space models. We study", _embedder.Embedded[0], StringComparison.Ordinal);
        var state = await _vectors.GetStateAsync();
        Assert.Equal((_embedder.ModelId, 2, 2L), (state.ModelId, state.Count, state.LastRevision));
    }

    [Fact]
    public async Task A_paper_whose_upvotes_changed_keeps_its_vector_and_one_whose_abstract_changed_is_embedded_again()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models", upvotes: 1), TestPapers.Arxiv("2501.00002", "Tool use by agents")]);
        var synchronizer = Synchronizer();
        await synchronizer.CatchUpAsync(null, CancellationToken.None);

        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models", upvotes: 50)]);
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00002", "Tool use by agents") with { Abstract = "Agents learn to call tools." }]);
        var report = await synchronizer.CatchUpAsync(null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.Behind, report.Reason);
        Assert.Equal(1, report.PapersEmbedded);
        Assert.Equal("Tool use by agents. Agents learn to call tools.", _embedder.Embedded[^1]);
        Assert.Equal(await _papers.GetLastRevisionAsync(), (await _vectors.GetStateAsync()).LastRevision);
    }

    [Fact]
    public async Task When_nothing_changed_nothing_is_embedded()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models")]);
        var synchronizer = Synchronizer();
        await synchronizer.CatchUpAsync(null, CancellationToken.None);

        var report = await synchronizer.CatchUpAsync(null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.Current, report.Reason);
        Assert.Single(_embedder.Embedded);
        Assert.True(synchronizer.CaughtUpOnce);
    }

    [Fact]
    public async Task A_withdrawn_paper_loses_its_vector()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models"), TestPapers.Arxiv("2501.00002", "Tool use by agents")]);
        var synchronizer = Synchronizer();
        await synchronizer.CatchUpAsync(null, CancellationToken.None);

        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models") with { Withdrawn = true }]);
        await synchronizer.CatchUpAsync(null, CancellationToken.None);

        Assert.Null(await _vectors.FindAsync(PaperId.Parse("2501.00001")));
        Assert.NotNull(await _vectors.FindAsync(PaperId.Parse("2501.00002")));
    }

    [Fact]
    public async Task Vectors_of_another_model_are_replaced_by_embedding_every_paper_again()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models"), TestPapers.Arxiv("2501.00002", "Tool use by agents")]);
        await Synchronizer().CatchUpAsync(null, CancellationToken.None);
        var newModel = new FakeTextEmbedder(dimensions: 32, modelId: "fake-words-v2");

        var report = await new PaperVectorSynchronizer(_papers, _vectors, newModel, NullLogger<PaperVectorSynchronizer>.Instance).CatchUpAsync(null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.ModelChanged, report.Reason);
        Assert.Equal(2, newModel.Embedded.Count);
        var state = await _vectors.GetStateAsync();
        Assert.Equal(("fake-words-v2", 32, 2), (state.ModelId, state.Dimensions, state.Count));
    }

    [Fact]
    public async Task Vectors_ahead_of_the_database_are_rebuilt()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models")]);
        await _vectors.ResetAsync(_embedder.ModelId, _embedder.Dimensions);
        await _vectors.ApplyAsync(new PaperVectorChanges([new PaperVector(99, PaperId.Parse("2501.00099"), 0, _embedder.Vector("gone"))], [], Revision: 50));

        var report = await Synchronizer().CatchUpAsync(null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.Ahead, report.Reason);
        Assert.Null(await _vectors.FindAsync(PaperId.Parse("2501.00099")));
        Assert.NotNull(await _vectors.FindAsync(PaperId.Parse("2501.00001")));
    }

    [Fact]
    public async Task A_catch_up_of_several_pages_reports_progress_up_to_the_whole()
    {
        await _papers.UpsertAsync([.. Enumerable.Range(1, (2 * PaperVectorSynchronizer.PageSize) + 10).Select(i => TestPapers.Arxiv($"2501.{i:00000}", $"Paper number {i}"))]);
        var reports = new List<double>();

        await Synchronizer().CatchUpAsync(new SynchronousProgress(p => reports.Add(p.Fraction)), CancellationToken.None);

        Assert.Equal(4, reports.Count);
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal((2 * PaperVectorSynchronizer.PageSize) + 10, (await _vectors.GetStateAsync()).Count);
    }

    [Fact]
    public async Task With_the_model_unavailable_nothing_is_embedded_and_nothing_throws()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "State space models")]);
        _embedder.Status = new EmbedderStatus(EmbedderState.Failed, "DllNotFoundException: onnxruntime");

        var report = await Synchronizer().CatchUpAsync(null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.Unavailable, report.Reason);
        Assert.Empty(_embedder.Embedded);
        Assert.Null((await _vectors.GetStateAsync()).ModelId);
    }

    [Fact]
    public async Task A_failing_step_is_recorded_and_the_next_catch_up_resumes_after_the_last_applied_page()
    {
        await _papers.UpsertAsync([.. Enumerable.Range(1, PaperVectorSynchronizer.PageSize + 5).Select(i => TestPapers.Arxiv($"2501.{i:00000}", $"Paper number {i}"))]);
        var failing = new FailingAfterFirstApply(_vectors);
        var synchronizer = new PaperVectorSynchronizer(_papers, failing, _embedder, NullLogger<PaperVectorSynchronizer>.Instance);

        await Assert.ThrowsAsync<IOException>(() => synchronizer.CatchUpAsync(null, CancellationToken.None));
        Assert.Equal("disk full", synchronizer.LastError);
        Assert.Equal(PaperVectorSynchronizer.PageSize, (await _vectors.GetStateAsync()).LastRevision);

        failing.Fail = false;
        var report = await synchronizer.CatchUpAsync(null, CancellationToken.None);

        Assert.Equal(VectorSyncReason.Behind, report.Reason);
        Assert.Equal(5, report.PapersEmbedded);
        Assert.Null(synchronizer.LastError);
    }

    private PaperVectorSynchronizer Synchronizer() => new(_papers, _vectors, _embedder, NullLogger<PaperVectorSynchronizer>.Instance);

    private sealed class SynchronousProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }

    private sealed class FailingAfterFirstApply(IPaperVectorStore inner) : IPaperVectorStore
    {
        private int _applied;

        public bool Fail { get; set; } = true;

        public Task<PaperVectorState> GetStateAsync(CancellationToken cancellationToken = default) => inner.GetStateAsync(cancellationToken);

        public Task ResetAsync(string modelId, int dimensions, CancellationToken cancellationToken = default) => inner.ResetAsync(modelId, dimensions, cancellationToken);

        public Task ApplyAsync(PaperVectorChanges changes, CancellationToken cancellationToken = default) =>
            Fail && _applied++ >= 1 ? throw new IOException("disk full") : inner.ApplyAsync(changes, cancellationToken);

        public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, Func<long, bool>? allow = null, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(query, limit, allow, cancellationToken);

        public Task<PaperVector?> FindAsync(PaperId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<long, ulong>> GetContentHashesAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default) =>
            inner.GetContentHashesAsync(sequences, cancellationToken);
    }
}
