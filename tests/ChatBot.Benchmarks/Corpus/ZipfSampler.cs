namespace ChatBot.Benchmarks.Corpus;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent.</summary>
internal sealed class ZipfSampler
{
    // A guide table: the draw u falls in bucket floor(u * Buckets), whose ranks lie between two guide entries, so the
    // binary search runs over a few ranks instead of all 25,000 (a paper draws some 200 words; the full search was
    // most of the generator's time at a million papers). The ranks drawn are exactly those of a search over all.
    private const int Buckets = 4096;

    private readonly double[] _cumulative;
    private readonly int[] _guide = new int[Buckets + 1];

    public ZipfSampler(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= total;
        }

        // _guide[b]: the first rank whose cumulative share reaches b / Buckets (the last rank when none does).
        var next = 0;
        for (var bucket = 0; bucket <= Buckets; bucket++)
        {
            while (next < count - 1 && _cumulative[next] < (double)bucket / Buckets)
            {
                next++;
            }

            _guide[bucket] = next;
        }
    }

    public int Count => _cumulative.Length;

    public int Next(Random random)
    {
        var u = random.NextDouble();
        var bucket = (int)(u * Buckets);
        var low = _guide[bucket];
        var index = Array.BinarySearch(_cumulative, low, _guide[bucket + 1] - low + 1, u);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
