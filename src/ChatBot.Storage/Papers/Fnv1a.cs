namespace ChatBot.Storage.Papers;

/// <summary>
/// FNV-1a, 64 bits: a stable, allocation-free hash for in-process keys and the index's content
/// fingerprint. Not cryptographic; every use tolerates (or checks for) a collision.
/// </summary>
internal struct Fnv1a
{
    private const ulong Prime = 1099511628211UL;

    private ulong _hash;

    public Fnv1a() => _hash = 14695981039346656037UL;

    public readonly ulong Value => _hash;

    public static ulong Of(string text)
    {
        var hash = new Fnv1a();
        hash.AddChars(text);
        return hash.Value;
    }

    /// <summary>Adds <paramref name="text"/> with its length first, so that ("ab", "c") and ("a", "bc") differ; null differs from "".</summary>
    public void Add(string? text)
    {
        Add(text is null ? -1L : text.Length);
        if (text is not null)
        {
            AddChars(text);
        }
    }

    public void Add(long value)
    {
        for (var i = 0; i < 8; i++)
        {
            _hash = (_hash ^ (byte)(value >> (8 * i))) * Prime;
        }
    }

    private void AddChars(string text)
    {
        foreach (var c in text)
        {
            _hash = (_hash ^ c) * Prime;
        }
    }
}
