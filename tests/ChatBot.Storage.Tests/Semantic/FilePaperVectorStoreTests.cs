using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using ChatBot.Storage.Search;
using ChatBot.Storage.Semantic;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Semantic;

public sealed class FilePaperVectorStoreTests : IDisposable
{
    private const string Model = "test-model";
    private const int Dimensions = 16;
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Vectors_survive_a_restart_with_their_model_and_revision()
    {
        using (var store = Open())
        {
            await store.ResetAsync(Model, Dimensions);
            await store.ApplyAsync(new PaperVectorChanges([Vector(1), Vector(2), Vector(3)], [], Revision: 3));
            await store.ApplyAsync(new PaperVectorChanges([Vector(2, hash: 22)], [1], Revision: 5));
        }

        using var reopened = Open();
        var state = await reopened.GetStateAsync();
        var hashes = await reopened.GetContentHashesAsync([1, 2, 3]);
        var hits = await reopened.SearchAsync(Unit(3), 1);

        Assert.Equal((Model, Dimensions, 5L, 2), (state.ModelId, state.Dimensions, state.LastRevision, state.Count));
        Assert.Equal(new Dictionary<long, ulong> { [2] = 22, [3] = 3 }, hashes);
        Assert.Equal(3, hits[0].Sequence);
        Assert.Null(await reopened.FindAsync(Id(1)));
        Assert.Equal(Unit(2), (await reopened.FindAsync(Id(2)))!.Vector, new ToleranceComparer(0.01f));
    }

    [Fact]
    public async Task A_step_a_crash_cut_short_is_dropped_and_the_store_reopens_at_the_last_whole_step()
    {
        string path;
        using (var store = Open())
        {
            path = store.FilePath;
            await store.ResetAsync(Model, Dimensions);
            await store.ApplyAsync(new PaperVectorChanges([Vector(1), Vector(2)], [], Revision: 2));
            await store.ApplyAsync(new PaperVectorChanges([Vector(3), Vector(4)], [], Revision: 4));
        }

        // Cut the file inside the second step, as a crash during its write would.
        var whole = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(whole - 30);
        }

        using (var reopened = Open())
        {
            var state = await reopened.GetStateAsync();
            Assert.Equal((2L, 2), (state.LastRevision, state.Count));
            await reopened.ApplyAsync(new PaperVectorChanges([Vector(3), Vector(4)], [], Revision: 4));
        }

        using var again = Open();
        Assert.Equal((4L, 4), ((await again.GetStateAsync()).LastRevision, (await again.GetStateAsync()).Count));
    }

    [Fact]
    public async Task A_file_that_is_not_a_vector_file_starts_empty_so_every_paper_is_embedded_again()
    {
        var path = Path.Combine(_data.Path, "index", FilePaperVectorStore.FolderName, FilePaperVectorStore.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "garbage that is not a vector file");
        var logger = new RecordingLogger<FilePaperVectorStore>();
        using var store = Open(logger);

        var state = await store.GetStateAsync();

        Assert.Null(state.ModelId);
        Assert.Equal(0, state.Count);
        Assert.Contains(logger.Entries, e => e.Message.Contains("could not be read", StringComparison.Ordinal));
        Assert.Empty(await store.SearchAsync(Unit(1), 5));
    }

    [Fact]
    public async Task A_file_grown_by_replaced_vectors_is_rewritten_to_what_it_holds_when_reopened()
    {
        string path;
        using (var store = Open())
        {
            path = store.FilePath;
            await store.ResetAsync(Model, Dimensions);
            for (var round = 0; round < 700; round++)
            {
                await store.ApplyAsync(new PaperVectorChanges([Vector(1, hash: (ulong)round), Vector(2), Vector(3), Vector(4), Vector(5), Vector(6), Vector(7)], [], Revision: round + 1));
            }
        }

        var before = new FileInfo(path).Length;
        using (var reopened = Open())
        {
            Assert.Equal(7, (await reopened.GetStateAsync()).Count);
        }

        Assert.True(new FileInfo(path).Length < before / 100, $"{new FileInfo(path).Length} bytes after, {before} before");
        using var again = Open();
        var state = await again.GetStateAsync();
        Assert.Equal((700L, 7), (state.LastRevision, state.Count));
        Assert.Equal(699UL, (await again.GetContentHashesAsync([1]))[1]);
    }

    [Fact]
    public async Task Applying_before_any_model_was_chosen_is_refused()
    {
        using var store = Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyAsync(new PaperVectorChanges([Vector(1)], [], 1)));
    }

    private FilePaperVectorStore Open(RecordingLogger<FilePaperVectorStore>? logger = null) => new(
        Options.Create(new SearchIndexOptions()),
        Options.Create(new StorageOptions { DataDirectory = _data.Path }),
        (Microsoft.Extensions.Logging.ILogger<FilePaperVectorStore>?)logger ?? NullLogger<FilePaperVectorStore>.Instance);

    private static PaperId Id(long sequence) => PaperId.Parse($"2501.{sequence:00000}");

    private static PaperVector Vector(long sequence, ulong? hash = null) => new(sequence, Id(sequence), hash ?? (ulong)sequence, Unit(sequence));

    // A different direction for each sequence: mostly along one axis.
    private static float[] Unit(long sequence)
    {
        var v = Enumerable.Repeat(0.05f, Dimensions).ToArray();
        v[sequence % Dimensions] = 1;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
