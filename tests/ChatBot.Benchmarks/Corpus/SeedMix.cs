namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// Derives independent, reproducible seeds (SplitMix64), so paper <c>i</c> is the same whatever
/// was generated before it. (<see cref="HashCode"/> is randomized per process, so it cannot serve.)
/// </summary>
internal static class SeedMix
{
    /// <summary>SplitMix64's increment (the golden ratio in 64 bits).</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static int For(int seed, long index, int stream = 0) => unchecked((int)Mix(Start(seed, index, stream) + Golden));

    public static Random Random(int seed, long index, int stream = 0) => new(For(seed, index, stream));

    /// <summary>A fast stream for item <paramref name="index"/> of <paramref name="stream"/> (<see cref="SplitMixStream"/>).</summary>
    public static SplitMixStream Stream(int seed, long index, int stream) => new(unchecked(Mix(Start(seed, index, stream) + Golden)));

    /// <summary>SplitMix64's output function: every bit of <paramref name="z"/> reaches every bit of the result.</summary>
    public static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong Start(int seed, long index, int stream) =>
        unchecked(((ulong)(uint)seed << 32) ^ (ulong)index ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL));
}
