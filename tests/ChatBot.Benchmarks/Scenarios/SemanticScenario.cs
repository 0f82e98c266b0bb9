using System.Diagnostics;
using System.Numerics.Tensors;
using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Benchmarks.Vectors;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Embeddings.Onnx;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Search by meaning: how fast the bot's embedding model (int8 all-MiniLM-L6-v2, default settings) embeds real papers
/// (title + abstract of the seed pages), in wall time and in CPU time per paper (the machine is shared, so CPU time
/// says more about a quiet machine); then exact search over as many vectors as the run has papers (random unit
/// vectors, <see cref="VectorShape.Random"/>: the scan's cost does not depend on what they mean), int8 as the bot keeps
/// them and fp32 for comparison.
/// </summary>
internal sealed class SemanticScenario : IBenchmarkScenario
{
    public const int TimedQueries = 300;
    public const int WarmUpQueries = 20;
    public const int Fp32TimedQueries = 60;
    public const int Limit = 50;

    /// <summary>The similar command's default page.</summary>
    public const int SimilarLimit = 5;
    private const int EmbedRounds = 3;
    private const int Dimensions = MiniLmPackage.Dimensions;
    private const string Section = "Search by meaning";

    public string Name => "semantic";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        await MeasureEmbeddingAsync(report, cancellationToken);
        MeasureSearch(context, report);
    }

    private static async Task MeasureEmbeddingAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        var texts = SeedCorpus.Files
            .SelectMany(f => DailyPapersTextParser.Parse(File.ReadAllText(f), f).Papers)
            .Select(EmbeddingText.Of)
            .ToList();
        using var embedder = new OnnxTextEmbedder(MiniLmPackage.Files, Options.Create(new EmbeddingsOptions()), NullLogger<OnnxTextEmbedder>.Instance);
        var loadStarted = Stopwatch.GetTimestamp();
        var status = await embedder.EnsureLoadedAsync(cancellationToken);
        var loadMs = Stopwatch.GetElapsedTime(loadStarted).TotalMilliseconds;
        if (!status.IsAvailable)
        {
            report.AddText(Section, "embed_unavailable", "embedding model unavailable", status.Reason ?? "");
            return;
        }

        await embedder.EmbedAsync([.. texts.Take(8)], cancellationToken);
        // The seed papers three times over (each text is embedded afresh): a few seconds of work, long enough for a steady
        // figure on a shared machine; handed over in the catch-up's pages, as the bot does.
        var timed = Enumerable.Repeat(texts, EmbedRounds).SelectMany(t => t).ToList();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        foreach (var page in timed.Chunk(PaperVectorSynchronizer.PageSize))
        {
            await embedder.EmbedAsync(page, cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;

        report.Add(Section, "embed_model_load_ms", "model load (read, quantise, session)", loadMs, "ms");
        report.Add(Section, "embed_papers", $"papers embedded (the seed pages' {texts.Count}, {EmbedRounds} times)", timed.Count);
        report.Add(Section, "embed_papers_per_s", "embedding throughput", timed.Count / seconds, "papers/s");
        report.Add(Section, "embed_cpu_ms_per_paper", "embedding CPU time", cpuMs / timed.Count, "ms/paper");
    }

    private static void MeasureSearch(BenchmarkContext context, BenchmarkReport report)
    {
        var count = context.Corpus.Count;
        var generator = new SyntheticVectors(VectorShape.Random, context.Settings.Seed, Dimensions);
        var queries = generator.Queries(WarmUpQueries + TimedQueries);
        using (var vectors = new QuantizedVectorSet(Dimensions))
        {
            var vector = new float[Dimensions];
            for (var i = 0; i < count; i++)
            {
                generator.Paper(i, vector);
                vectors.Upsert(new PaperVector(i + 1, PaperId.FromTitle($"paper {i}"), (ulong)i, vector));
            }

            var int8 = Time(queries, TimedQueries, q => vectors.Search(q, Limit).Count);
            var filtered = Time(queries, TimedQueries, q => vectors.Search(q, Limit, sequence => (sequence & 1) == 0).Count);

            // Similar papers as SemanticSearch.SimilarAsync asks: a stored paper's vector, one more than the page, the paper left out.
            var pick = SeedMix.Random(context.Settings.Seed, 0, stream: 13);
            var sources = Enumerable.Range(0, WarmUpQueries + TimedQueries).Select(_ =>
            {
                var paper = pick.Next(count);
                var stored = new float[Dimensions];
                generator.Paper(paper, stored);
                return (Vector: stored, Sequence: (long)paper + 1);
            }).ToList();
            var similar = Time(sources, TimedQueries, source => vectors.Search(source.Vector, SimilarLimit + 1, sequence => sequence != source.Sequence).Count);
            report.Add(Section, "vector_papers", "vectors searched", count);
            report.Add(Section, "vector_search_p50_ms", "vector search p50 (int8, exact, top 50)", int8.P50, "ms");
            report.Add(Section, "vector_search_p99_ms", "vector search p99 (int8, exact, top 50)", int8.P99, "ms");
            report.Add(Section, "vector_search_filtered_p99_ms", "vector search p99, half the papers allowed", filtered.P99, "ms");
            report.Add(Section, "vector_similar_p99_ms", $"similar papers by vector p99 (top {SimilarLimit}, the paper left out)", similar.P99, "ms");
            report.Add(Section, "vector_memory_mb", "vector memory (int8 + keys)", vectors.MemoryBytes / (1024.0 * 1024.0), "MB");
        }

        // The fp32 comparison after the bot's int8 set is gone: the two are never held at once (the bot holds int8 only).
        // Fewer queries: it is only the comparison, and at a million papers each takes a sixth of a second.
        var floats = new float[(long)count * Dimensions];
        for (var i = 0; i < count; i++)
        {
            generator.Paper(i, floats.AsSpan(i * Dimensions, Dimensions));
        }

        var fp32 = Time(queries, Fp32TimedQueries, q => ScanFloat(floats, count, q));
        report.Add(Section, "vector_search_fp32_p99_ms", $"fp32 scan p99 (TensorPrimitives.Dot, {Fp32TimedQueries} queries, for comparison)", fp32.P99, "ms");
        report.Add(Section, "vector_memory_fp32_mb", "the same vectors as fp32", floats.LongLength * 4 / (1024.0 * 1024.0), "MB");
    }

    // The first WarmUpQueries untimed, then the next `timed`.
    private static LatencySummary Time<TQuery>(List<TQuery> queries, int timed, Func<TQuery, int> search)
    {
        foreach (var query in queries.Take(WarmUpQueries))
        {
            search(query);
        }

        var recorder = new LatencyRecorder(timed);
        foreach (var query in queries.Skip(WarmUpQueries).Take(timed))
        {
            var started = Stopwatch.GetTimestamp();
            search(query);
            recorder.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return recorder.Summarize();
    }

    // The fp32 alternative: one TensorPrimitives.Dot per vector, best score only (the scan is the cost).
    private static int ScanFloat(float[] floats, int count, float[] query)
    {
        var best = float.MinValue;
        var bestSlot = -1;
        for (var i = 0; i < count; i++)
        {
            var score = TensorPrimitives.Dot(floats.AsSpan(i * Dimensions, Dimensions), query);
            if (score > best)
            {
                best = score;
                bestSlot = i;
            }
        }

        return bestSlot;
    }
}
