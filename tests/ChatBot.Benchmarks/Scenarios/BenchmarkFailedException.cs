namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// The run measured something that is not what it claims to measure (the store and the index disagree, a query
/// does not parse as the mix meant): the program prints the one-line reason and exits non-zero.
/// </summary>
internal sealed class BenchmarkFailedException(string reason) : Exception(reason);
