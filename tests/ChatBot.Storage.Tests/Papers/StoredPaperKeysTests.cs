using ChatBot.Core.Papers;
using ChatBot.Storage.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Papers;

public sealed class StoredPaperKeysTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(StoredPaperKeys.LoadChunk)]
    public async Task Keys_loaded_a_chunk_at_a_time_hold_every_stored_paper(int chunk)
    {
        string[] titles = ["Vision Transformers Need Registers", "A ConvNet for the 2020s", "Attention Is All You Need", "Deep Residual Learning", "Scaling Laws", "Mamba", "Denoising Diffusion"];
        await _fixture.Store.UpsertAsync([.. titles.Take(4).Select((t, i) => TestPapers.Arxiv($"2106.0455{i}", t)), .. titles.Skip(4).Select(t => TestPapers.Titled(t))]);
        _fixture.Reopen();

        var keys = StoredPaperKeys.Load(_fixture.Database.Database.GetCollection(LiteDbPaperStore.CollectionName), chunk);

        Assert.Equal(7, keys.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(keys.MayHoldId($"2106.0455{i}"));
            Assert.Equal([$"2106.0455{i}"], keys.IdsWithTitleKey(TitleKey.From(titles[i])));
        }

        foreach (var title in titles.Skip(4))
        {
            var id = PaperId.FromTitle(title).Value;
            Assert.True(keys.MayHoldId(id));
            Assert.Equal([id], keys.IdsWithTitleKey(TitleKey.From(title)));
        }
    }

    [Fact]
    public async Task After_a_restart_a_paper_found_by_title_still_merges()
    {
        await _fixture.Store.UpsertAsync([TestPapers.Titled("Attention Is All You Need")]);
        _fixture.Reopen();

        var summary = await _fixture.Store.UpsertAsync([TestPapers.Arxiv("1706.03762", "Attention is all you need")]);

        Assert.Equal((0, 1), (summary.New, summary.Updated));
        Assert.Equal("1706.03762", (await _fixture.Store.FindAsync(PaperId.FromTitle("Attention Is All You Need")))!.ArxivId);
    }
}
