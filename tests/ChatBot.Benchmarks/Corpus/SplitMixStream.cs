namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// A reproducible stream of random numbers (SplitMix64) for bulk synthetic data such as a million vectors: a few
/// nanoseconds a draw, where a seeded <see cref="Random"/> (the legacy algorithm) costs a 56-word set-up per stream and
/// more per draw.
/// </summary>
internal struct SplitMixStream(ulong state)
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _state = state;

    public ulong NextUInt64()
    {
        _state = unchecked(_state + SeedMix.Golden);
        return SeedMix.Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;
}
