using ChatBot.Core.Hashing;

namespace ChatBot.Storage.Search;

/// <summary>
/// Words' document frequencies counted in one reader, each with the field it is most common in, keyed by a 64-bit hash
/// of the word. The entries hold no references, so a collection never traces them: a cache keyed by the words grew by
/// each look-up's new words, and every gen 0 collection then traced those young strings from the old cache (4-12 ms
/// each at 100,000 papers, the similar-papers p99). Two words of one hash (about one chance in 10^9 among 200,000
/// words) would share a frequency: a similar-papers list a little off, nothing worse.
/// </summary>
internal sealed class WordDocFreqs(int capacity)
{
    private readonly Dictionary<ulong, (byte Field, int DocFreq)> _byHash = [];
    private readonly Lock _lock = new();

    public bool TryGet(string word, out (byte Field, int DocFreq) counted)
    {
        var hash = Fnv1a.Of(word);
        lock (_lock)
        {
            return _byHash.TryGetValue(hash, out counted);
        }
    }

    /// <summary>Keeps the word's count, unless <c>capacity</c> words are kept already.</summary>
    public void Add(string word, byte field, int docFreq)
    {
        var hash = Fnv1a.Of(word);
        lock (_lock)
        {
            if (_byHash.Count < capacity)
            {
                _byHash.TryAdd(hash, (field, docFreq));
            }
        }
    }
}
