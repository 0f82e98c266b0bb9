namespace ChatBot.Benchmarks.Soak;

/// <summary>How many faults of each kind were injected (counted when the fake actually delivered them).</summary>
internal sealed class FaultCounter
{
    private readonly int[] _counts = new int[Enum.GetValues<FaultKind>().Length];

    public void Count(FaultKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    public int this[FaultKind kind] => Volatile.Read(ref _counts[(int)kind]);

    public int Total => Enum.GetValues<FaultKind>().Sum(k => this[k]);
}
