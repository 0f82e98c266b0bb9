using System.Numerics.Tensors;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// The true nearest papers of each query, by fp32 dot product over the unquantised vectors, in one pass that
/// regenerates every paper's vector (holding 1M fp32 vectors would take 1.5 GB): what int8 rounding costs the exact
/// scan, and what HNSW misses on top of it.
/// </summary>
internal static class Fp32Truth
{
    public static long[][] Compute(SyntheticVectors generator, int count, IReadOnlyList<float[]> queries, int dimensions, int top)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(queries);
        var parts = Environment.ProcessorCount;
        var best = new PriorityQueue<long, float>[parts][];
        Parallel.For(0, parts, part =>
        {
            var heaps = queries.Select(_ => new PriorityQueue<long, float>(top + 1)).ToArray();
            var vector = new float[dimensions];
            for (var i = (int)((long)count * part / parts); i < (int)((long)count * (part + 1) / parts); i++)
            {
                generator.Paper(i, vector);
                for (var q = 0; q < queries.Count; q++)
                {
                    Offer(heaps[q], top, i + 1, TensorPrimitives.Dot(vector, queries[q]));
                }
            }

            best[part] = heaps;
        });

        var truth = new long[queries.Count][];
        for (var q = 0; q < queries.Count; q++)
        {
            var merged = best[0][q];
            for (var part = 1; part < parts; part++)
            {
                while (best[part][q].TryDequeue(out var sequence, out var score))
                {
                    Offer(merged, top, sequence, score);
                }
            }

            var ranked = new long[merged.Count];
            for (var r = ranked.Length - 1; r >= 0; r--)
            {
                ranked[r] = merged.Dequeue();
            }

            truth[q] = ranked;
        }

        return truth;
    }

    private static void Offer(PriorityQueue<long, float> best, int top, long sequence, float score)
    {
        if (best.Count < top)
        {
            best.Enqueue(sequence, score);
        }
        else if (best.TryPeek(out _, out var worst) && score > worst)
        {
            best.EnqueueDequeue(sequence, score);
        }
    }
}
