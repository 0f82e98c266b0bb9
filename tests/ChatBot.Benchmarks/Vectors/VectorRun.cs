using ChatBot.Benchmarks.Reporting;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>What to compare: how many vectors, which shapes, which HNSW settings, how many timed queries.</summary>
internal sealed record VectorRun(int Papers, int Seed, IReadOnlyList<VectorShape> Shapes, HnswSettings Hnsw, int Queries = 300)
{
    /// <summary>Measures every shape in turn into <paramref name="report"/>.</summary>
    public void Measure(BenchmarkReport report, TextWriter progress)
    {
        var comparison = new VectorComparison(Hnsw, Queries, progress);
        foreach (var shape in Shapes)
        {
            comparison.Measure(shape, Papers, Seed, report);

            // The next shape's vectors and graph should not share the heap with this one's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
