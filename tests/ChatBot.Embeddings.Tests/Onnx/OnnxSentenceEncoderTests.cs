using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Semantic;
using ChatBot.Testing;
using static ChatBot.Embeddings.Tests.Onnx.MiniLmEncoders;

namespace ChatBot.Embeddings.Tests.Onnx;

/// <summary>
/// The engine against the model's published behaviour. The reference similarities are those printed by the
/// sentence-transformers documentation for all-MiniLM-L6-v2: https://sbert.net/docs/sentence_transformer/usage/usage.html
/// ("The weather is lovely today." …) and https://sbert.net/docs/sentence_transformer/usage/semantic_textual_similarity.html.
/// </summary>
public sealed class OnnxSentenceEncoderTests(MiniLmEncoders encoders) : IClassFixture<MiniLmEncoders>
{
    private static readonly string[] Weather = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."];
    private static readonly string[] Left = ["The new movie is awesome", "The cat sits outside", "A man is playing guitar"];
    private static readonly string[] Right = ["The dog plays in the garden", "The new movie is so great", "A woman watches TV"];

    [Fact]
    public void The_fp32_model_reproduces_the_similarities_sentence_transformers_publishes()
    {
        var w = encoders.Float.Encode(Weather);
        var l = encoders.Float.Encode(Left);
        var r = encoders.Float.Encode(Right);

        Assert.Equal(0.6660, Cosine(w[0], w[1]), 0.005);
        Assert.Equal(0.1046, Cosine(w[0], w[2]), 0.005);
        Assert.Equal(0.1411, Cosine(w[1], w[2]), 0.005);
        Assert.Equal(0.8939, Cosine(l[0], r[1]), 0.005);
        Assert.Equal(0.0543, Cosine(l[0], r[0]), 0.005);
        Assert.Equal(0.2838, Cosine(l[1], r[0]), 0.005);
        Assert.Equal(-0.0327, Cosine(l[2], r[2]), 0.005);
    }

    [Fact]
    public void The_int8_model_the_bot_runs_stays_within_a_few_hundredths_of_the_published_similarities()
    {
        var w = encoders.Int8.Encode(Weather);
        var l = encoders.Int8.Encode(Left);
        var r = encoders.Int8.Encode(Right);

        Assert.Equal(0.6660, Cosine(w[0], w[1]), 0.04);
        Assert.Equal(0.1046, Cosine(w[0], w[2]), 0.04);
        Assert.Equal(0.8939, Cosine(l[0], r[1]), 0.04);
        Assert.Equal(0.2838, Cosine(l[1], r[0]), 0.04);
    }

    [Fact]
    public void Paraphrases_are_close_and_unrelated_sentences_are_not()
    {
        string[] texts =
        [
            "How can large language model agents learn to use tools?",
            "Teaching LLM-based agents to call external APIs and tools",
            "A state space model for long sequence modelling",
            "Selective SSMs such as Mamba scale linearly with sequence length",
            "A recipe for chocolate cake with strawberries",
        ];
        var v = texts.Select(t => encoders.Int8.Encode([t])[0]).ToArray();

        Assert.True(Cosine(v[0], v[1]) > 0.45, $"agents/tools paraphrase: {Cosine(v[0], v[1])}");
        Assert.True(Cosine(v[2], v[3]) > 0.3, $"state space paraphrase: {Cosine(v[2], v[3])}");
        Assert.True(Cosine(v[2], v[3]) > Cosine(v[2], v[4]) + 0.2, "state space models are closer to SSMs than to cake");
        Assert.True(Cosine(v[0], v[4]) < 0.15, $"agents vs cake: {Cosine(v[0], v[4])}");
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2, $"a paraphrase is much closer than another topic: {Cosine(v[0], v[1])} vs {Cosine(v[0], v[2])}");
    }

    [Fact]
    public void Fp32_vectors_have_unit_length_and_do_not_depend_on_the_padding_of_their_batch()
    {
        var alone = encoders.Float.Encode(["It's so sunny outside!"])[0];
        var padded = encoders.Float.Encode(["It's so sunny outside!", string.Join(' ', Enumerable.Repeat("a much longer sentence about something else", 20))])[0];

        Assert.Equal(384, alone.Length);
        Assert.Equal(1.0, Math.Sqrt(alone.Sum(x => x * x)), 0.0001);
        Assert.All(alone.Zip(padded), pair => Assert.Equal(pair.First, pair.Second, 0.001));
    }

    [Fact]
    public void Int8_vectors_move_with_their_batch_mates_which_is_why_the_bot_embeds_one_text_per_run()
    {
        // ONNX Runtime quantises activations with one scale per run: a long batch-mate changes the scale.
        var alone = encoders.Int8.Encode(["It's so sunny outside!"])[0];
        var again = encoders.Int8.Encode(["It's so sunny outside!"])[0];
        var batched = encoders.Int8.Encode(["It's so sunny outside!", string.Join(' ', Enumerable.Repeat("a much longer sentence about something else", 20))])[0];

        Assert.Equal(alone, again);
        Assert.True(Cosine(alone, batched) is > 0.9f and < 0.9999f, $"cosine {Cosine(alone, batched)}");
    }

    [Fact]
    public void A_text_longer_than_the_model_reads_is_cut_not_refused()
    {
        var longText = string.Join(' ', Enumerable.Repeat("transformers attend to every token of a sequence", 400));

        var vector = encoders.Int8.Encode([longText, ""]);

        Assert.Equal(1.0, Math.Sqrt(vector[0].Sum(x => x * x)), 0.0001);
        Assert.Equal(384, vector[1].Length);
    }

    [Fact]
    public void Int8_vectors_of_real_abstracts_point_where_the_fp32_ones_do()
    {
        var texts = SeedCorpus.Files.Take(1)
            .SelectMany(f => DailyPapersTextParser.Parse(File.ReadAllText(f), f).Papers)
            .Take(24).Select(EmbeddingText.Of).ToList();

        var exact = encoders.Float.Encode(texts);
        var quantized = encoders.Int8.Encode(texts);

        Assert.Equal(24, texts.Count);
        Assert.All(exact.Zip(quantized), pair => Assert.True(Cosine(pair.First, pair.Second) > 0.98, $"cosine {Cosine(pair.First, pair.Second)}"));
    }
}
