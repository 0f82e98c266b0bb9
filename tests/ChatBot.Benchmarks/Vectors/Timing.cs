using ChatBot.Benchmarks.Measuring;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>The latencies of one way of searching, and the process CPU time it took per query (all threads).</summary>
internal sealed record Timing(LatencySummary Latency, double CpuMsPerQuery);
