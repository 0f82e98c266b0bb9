namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// Derives independent, reproducible seeds (SplitMix64), so paper <c>i</c> is the same whatever
/// was generated before it. (<see cref="HashCode"/> is randomized per process, so it cannot serve.)
/// </summary>
internal static class SeedMix
{
    public static int For(int seed, long index, int stream = 0)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)index ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL));
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z);
    }

    public static Random Random(int seed, long index, int stream = 0) => new(For(seed, index, stream));
}
