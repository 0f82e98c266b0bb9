namespace ChatBot.Storage.Alerts;

/// <summary>A bit set of matched papers as a dictionary key, equal by content: alerts that matched the same papers share one stored set.</summary>
internal readonly struct MatchSetKey(ulong[] bits) : IEquatable<MatchSetKey>
{
    private readonly int _hash = Hash(bits);

    public ulong[] Bits { get; } = bits;

    public bool Equals(MatchSetKey other) => _hash == other._hash && Bits.AsSpan().SequenceEqual(other.Bits);

    public override bool Equals(object? obj) => obj is MatchSetKey other && Equals(other);

    public override int GetHashCode() => _hash;

    private static int Hash(ulong[] bits)
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bits.AsSpan()));
        return hash.ToHashCode();
    }
}
