using System.Numerics.Tensors;
using ChatBot.Benchmarks.Corpus;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// Reproducible paper and query vectors (unit length) without a model. <see cref="VectorShape.Random"/> are the very
/// vectors the semantic scenario scans (seed streams 12 and 11). <see cref="VectorShape.Clustered"/> imitates sentence
/// embeddings: every vector leans on one shared direction (embeddings are anisotropic), on one of
/// <see cref="Topics"/> topic centres (picked with a skew, so some topics are crowded) and on one of that topic's
/// <see cref="Subtopics"/> subtopic centres, plus its own noise:
/// <c>normalize(0.35·common + 0.6·topic + 0.45·subtopic + 0.55·noise)</c>, which puts papers of one subtopic at
/// cosine ≈ 0.69, of one topic at ≈ 0.49 and of different topics at ≈ 0.12, close to what all-MiniLM-L6-v2 gives
/// near-duplicates, related and unrelated abstracts. Queries are drawn the same way with more noise (0.8), as a short
/// question sits further from its topic than an abstract does.
/// </summary>
internal sealed class SyntheticVectors
{
    public const int Topics = 2_000;
    public const int Subtopics = 8;
    private const float Common = 0.35f;
    private const float Topic = 0.6f;
    private const float Subtopic = 0.45f;
    private const float PaperNoise = 0.55f;
    private const float QueryNoise = 0.8f;

    private readonly int _seed;
    private readonly int _dimensions;
    private readonly float[] _common = [];
    private readonly float[] _topics = [];
    private readonly float[] _subtopics = [];

    public SyntheticVectors(VectorShape shape, int seed, int dimensions)
    {
        Shape = shape;
        _seed = seed;
        _dimensions = dimensions;
        if (shape == VectorShape.Clustered)
        {
            _common = new float[dimensions];
            var common = SeedMix.Stream(seed, 0, stream: 20);
            UnitVector(ref common, _common);
            _topics = Centres(Topics, stream: 21);
            _subtopics = Centres(Topics * Subtopics, stream: 22);
        }
    }

    public VectorShape Shape { get; }

    /// <summary>Paper <paramref name="index"/>'s vector, the same every time it is asked for.</summary>
    public void Paper(int index, Span<float> vector)
    {
        if (Shape == VectorShape.Random)
        {
            var random = SeedMix.Stream(_seed, index, stream: 12);
            UnitVector(ref random, vector);
        }
        else
        {
            var random = SeedMix.Stream(_seed, index, stream: 23);
            Mixture(ref random, PaperNoise, vector);
        }
    }

    /// <summary><paramref name="count"/> query vectors.</summary>
    public List<float[]> Queries(int count)
    {
        var random = SeedMix.Stream(_seed, 0, stream: Shape == VectorShape.Random ? 11 : 24);
        var queries = new List<float[]>(count);
        for (var i = 0; i < count; i++)
        {
            var query = new float[_dimensions];
            if (Shape == VectorShape.Random)
            {
                UnitVector(ref random, query);
            }
            else
            {
                Mixture(ref random, QueryNoise, query);
            }

            queries.Add(query);
        }

        return queries;
    }

    // Sums of three uniforms are close enough to Gaussian for a direction drawn uniformly on the sphere; one 64-bit draw
    // gives the three (21 bits each), as a million vectors of 384 components are drawn in a run.
    private static void UnitVector(ref SplitMixStream random, Span<float> vector)
    {
        const ulong Mask = (1UL << 21) - 1;
        const float Scale = 1f / (1 << 21);
        for (var i = 0; i < vector.Length; i++)
        {
            var bits = random.NextUInt64();
            vector[i] = (((bits & Mask) + ((bits >> 21) & Mask) + ((bits >> 42) & Mask)) * Scale) - 1.5f;
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }

    private float[] Centres(int count, int stream)
    {
        var centres = new float[count * _dimensions];
        for (var i = 0; i < count; i++)
        {
            var random = SeedMix.Stream(_seed, i, stream);
            UnitVector(ref random, centres.AsSpan(i * _dimensions, _dimensions));
        }

        return centres;
    }

    private void Mixture(ref SplitMixStream random, float noise, Span<float> vector)
    {
        // Squaring a uniform crowds the low-numbered topics: a few popular topics, a long tail of rare ones.
        var topic = (int)(Topics * Math.Pow(random.NextDouble(), 2));
        var subtopic = (topic * Subtopics) + (int)(random.NextDouble() * Subtopics);
        UnitVector(ref random, vector);
        TensorPrimitives.Multiply(vector, noise, vector);
        TensorPrimitives.MultiplyAdd(_common, Common, vector, vector);
        TensorPrimitives.MultiplyAdd(_topics.AsSpan(topic * _dimensions, _dimensions), Topic, vector, vector);
        TensorPrimitives.MultiplyAdd(_subtopics.AsSpan(subtopic * _dimensions, _dimensions), Subtopic, vector, vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
