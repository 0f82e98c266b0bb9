using System.Diagnostics;
using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Embeddings.Onnx;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// Exact int8 search (the bot's <see cref="QuantizedVectorSet"/>) against a USearch HNSW index over the same int8
/// vectors (<see cref="HnswIndex"/>), at one paper count and one <see cref="VectorShape"/>: build time, latency of the
/// top <see cref="Limit"/> (timed in turns, <see cref="AlternatingTimer"/>), recall@10 of HNSW against the exact
/// top 10, memory, and search under a filter that admits half the papers (as since:/author: turn into an allowed set)
/// or 1% of them: exact with the predicate, HNSW over-fetching twice the results and dropping the disallowed, and
/// HNSW's own filtered walk (a predicate the C library calls for each candidate).
/// </summary>
internal sealed class VectorComparison(HnswSettings settings, int timedQueries, TextWriter progress)
{
    /// <summary>Results per search, as hybrid search asks for (its fusion depth) and the semantic scenario times.</summary>
    public const int Limit = 50;
    public const int Recalled = 10;
    public const int WarmUpQueries = 20;
    private const int Dimensions = MiniLmPackage.Dimensions;
    private const int OverFetch = 2;
    private static readonly int[] SweptExpansions = [64, 256];

    public void Measure(VectorShape shape, int count, int seed, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Array.MaxLength / Dimensions);
        var name = shape.ToString().ToLowerInvariant();
        var prefix = shape == VectorShape.Random ? "hnsw_" : $"hnsw_{name}_";
        var section = $"Vector search, {name} vectors: exact int8 vs HNSW";
        var generator = new SyntheticVectors(shape, seed, Dimensions);

        progress.WriteLine($"  {name}: generating {count:N0} vectors");
        var values = new sbyte[(long)count * Dimensions];
        var scales = new float[count];
        Parallel.For(0, count, () => new float[Dimensions], (i, _, vector) =>
        {
            generator.Paper(i, vector);
            scales[i] = Int8Vectors.Quantize(vector, values.AsSpan(i * Dimensions, Dimensions));
            return vector;
        }, _ => { });

        using var exact = new QuantizedVectorSet(Dimensions);
        for (var i = 0; i < count; i++)
        {
            exact.Upsert(i + 1, PaperId.FromTitle($"paper {i}"), (ulong)i, values.AsSpan(i * Dimensions, Dimensions), scales[i]);
        }

        using var hnsw = Build(values, count, report, section, prefix);
        values = []; // the exact set and the graph hold their own copies now
        var queries = generator.Queries(WarmUpQueries + timedQueries);
        var quantized = queries.Select(q =>
        {
            var values8 = new sbyte[Dimensions];
            Int8Vectors.Quantize(q, values8);
            return values8;
        }).ToArray();
        var end = queries.Count;

        progress.WriteLine($"  {name}: searching");
        var exactTop = new long[end][];
        var hnswTop = new long[end][];
        var plain = AlternatingTimer.Run(
            WarmUpQueries, end,
            i => exactTop[i] = Top(exact.Search(queries[i], Limit)),
            i => hnswTop[i] = Keys(hnsw.Search(quantized[i], Limit)));
        report.Add(section, $"{prefix}vectors", "vectors", count);
        report.AddText(section, $"{prefix}config", "HNSW settings", settings.ToString());
        report.AddText(section, $"{prefix}simd", "HNSW SIMD kernels", hnsw.Simd);
        Add(report, section, $"{prefix}exact", "exact int8 scan, top 50", plain[0]);
        Add(report, section, $"{prefix}search", "HNSW search, top 50", plain[1]);
        report.Add(section, $"{prefix}p99_ratio", "exact p99 / HNSW p99 (same run, in turns)", plain[0].Latency.P99 / plain[1].Latency.P99, "x");
        report.Add(section, $"{prefix}recall_at_10", "HNSW recall@10 against the exact top 10", Recall(exactTop, hnswTop));
        progress.WriteLine($"  {name}: fp32 ground truth");
        var truth = Fp32Truth.Compute(generator, count, queries, Dimensions, Recalled);
        report.Add(section, $"{prefix}exact_recall_at_10_fp32", "exact int8 recall@10 against the fp32 top 10", Recall(truth, exactTop));
        report.Add(section, $"{prefix}recall_at_10_fp32", "HNSW recall@10 against the fp32 top 10", Recall(truth, hnswTop));
        report.Add(section, $"{prefix}exact_memory_mb", "exact: int8 vectors + keys", exact.MemoryBytes / (1024.0 * 1024.0), "MB");
        report.Add(section, $"{prefix}memory_mb", "HNSW: vectors + graph (USearch's own count)", hnsw.MemoryBytes / (1024.0 * 1024.0), "MB");

        foreach (var expansion in SweptExpansions.Where(e => e != settings.ExpansionSearch))
        {
            hnsw.SetExpansionSearch(expansion);
            var swept = new long[end][];
            var timing = AlternatingTimer.Run(WarmUpQueries, end, i => swept[i] = Keys(hnsw.Search(quantized[i], Limit)))[0];
            report.Add(section, $"{prefix}ef{expansion}_p99_ms", $"HNSW p99 with ef_search={expansion}", timing.Latency.P99, "ms");
            report.Add(section, $"{prefix}ef{expansion}_recall_at_10", $"HNSW recall@10 with ef_search={expansion}", Recall(exactTop, swept));
        }

        hnsw.SetExpansionSearch(settings.ExpansionSearch);
        MeasureFiltered(exact, hnsw, queries, quantized, count, seed, report, section, prefix);
    }

    private HnswIndex Build(sbyte[] values, int count, BenchmarkReport report, string section, string prefix)
    {
        var threads = Environment.ProcessorCount;
        var hnsw = new HnswIndex(Dimensions, count, threads, settings);
        var added = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new sbyte[Dimensions], (i, _, buffer) =>
        {
            values.AsSpan(i * Dimensions, Dimensions).CopyTo(buffer);
            hnsw.Add(i + 1, buffer);
            if (Interlocked.Increment(ref added) % 100_000 == 0)
            {
                progress.WriteLine($"    HNSW: {added:N0} added, {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s");
            }

            return buffer;
        }, _ => { });
        report.Add(section, $"{prefix}build_seconds", $"HNSW build ({threads} threads)", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");
        report.Add(section, $"{prefix}build_cpu_seconds", "HNSW build CPU time", (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, "s");
        return hnsw;
    }

    private static void MeasureFiltered(
        QuantizedVectorSet exact, HnswIndex hnsw, List<float[]> queries, sbyte[][] quantized, int count, int seed, BenchmarkReport report, string section, string prefix)
    {
        var end = queries.Count;
        foreach (var (label, key, modulus) in new[] { ("half the papers allowed", "filtered", 2), ("1% of the papers allowed", "selective", 100) })
        {
            // A pseudo-random set, as a date or author filter picks papers regardless of where their vectors lie.
            var allowed = Enumerable.Range(0, count).Where(i => (uint)SeedMix.For(seed, i, stream: 30) % modulus == 0).Select(i => (long)i + 1).ToHashSet();
            var exactTop = new long[end][];
            var nativeTop = new long[end][];
            var overTop = new long[end][];
            var runs = new List<Action<int>>
            {
                i => exactTop[i] = Top(exact.Search(queries[i], Limit, allowed.Contains)),
                i => nativeTop[i] = Keys(hnsw.Search(quantized[i], Limit, allowed)),
            };
            if (modulus == OverFetch)
            {
                // Over-fetching only makes sense when about 1 in OverFetch passes; for 1% it would fetch 5,000.
                runs.Add(i => overTop[i] = [.. Keys(hnsw.Search(quantized[i], Limit * OverFetch)).Where(allowed.Contains).Take(Limit)]);
            }

            var timings = AlternatingTimer.Run(WarmUpQueries, end, [.. runs]);
            report.Add(section, $"{prefix}{key}_exact_p99_ms", $"exact p99, {label}", timings[0].Latency.P99, "ms");
            report.Add(section, $"{prefix}{key}_native_p99_ms", $"HNSW filtered walk p99, {label}", timings[1].Latency.P99, "ms");
            report.Add(section, $"{prefix}{key}_native_recall_at_10", $"HNSW filtered walk recall@10, {label}", Recall(exactTop, nativeTop));
            if (timings.Length > 2)
            {
                report.Add(section, $"{prefix}{key}_p99_ms", $"HNSW over-fetch ×{OverFetch} p99, {label}", timings[2].Latency.P99, "ms");
                report.Add(section, $"{prefix}{key}_recall_at_10", $"HNSW over-fetch ×{OverFetch} recall@10, {label}", Recall(exactTop, overTop));
            }
        }
    }

    private static void Add(BenchmarkReport report, string section, string prefix, string label, Timing timing)
    {
        report.Add(section, $"{prefix}_p50_ms", $"{label} p50", timing.Latency.P50, "ms");
        report.Add(section, $"{prefix}_p99_ms", $"{label} p99", timing.Latency.P99, "ms");
        report.Add(section, $"{prefix}_cpu_ms", $"{label}, CPU per query (all threads)", timing.CpuMsPerQuery, "ms");
    }

    private static long[] Top(IReadOnlyList<VectorHit> hits) => [.. hits.Select(h => h.Sequence)];

    private static long[] Keys(ulong[] keys) => [.. keys.Select(k => (long)k)];

    // The mean share of each timed query's exact top 10 that the other search also ranks in its top 10.
    private static double Recall(long[][] truth, long[][] found)
    {
        var total = 0.0;
        var queries = 0;
        for (var i = WarmUpQueries; i < truth.Length; i++)
        {
            var expected = truth[i].Take(Recalled).ToHashSet();
            if (expected.Count == 0)
            {
                continue;
            }

            total += (double)found[i].Take(Recalled).Count(expected.Contains) / expected.Count;
            queries++;
        }

        return queries == 0 ? double.NaN : total / queries;
    }
}
