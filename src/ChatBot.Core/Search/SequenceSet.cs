namespace ChatBot.Core.Search;

/// <summary>
/// A set of paper sequence numbers (<see cref="Papers.Paper.Sequence"/>) as one bit each: the papers that pass a query's
/// filters, handed to vector search so that filters apply by meaning as they do by words.
/// </summary>
public sealed class SequenceSet
{
    private ulong[] _bits = new ulong[16];

    public int Count { get; private set; }

    public void Add(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var word = (int)(sequence >> 6);
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        var mask = 1UL << (int)(sequence & 63);
        if ((_bits[word] & mask) == 0)
        {
            _bits[word] |= mask;
            Count++;
        }
    }

    public bool Contains(long sequence)
    {
        var word = sequence >> 6;
        return sequence >= 0 && word < _bits.Length && (_bits[word] & (1UL << (int)(sequence & 63))) != 0;
    }
}
