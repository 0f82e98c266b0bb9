using System.Collections;
using ChatBot.Core.Alerts;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// The matches of every alert partition, in partition order, read in place: copying millions of matches
/// into one list would hold them twice at the peak.
/// </summary>
internal sealed class AlertMatchList : IReadOnlyList<AlertMatch>
{
    private readonly List<AlertMatch>[] _parts;

    // _starts[i]: the index of part i's first match; one more entry for the total.
    private readonly int[] _starts;

    public AlertMatchList(List<AlertMatch>[] parts)
    {
        _parts = parts;
        _starts = new int[parts.Length + 1];
        for (var i = 0; i < parts.Length; i++)
        {
            _starts[i + 1] = checked(_starts[i] + parts[i].Count);
        }
    }

    public int Count => _starts[^1];

    public AlertMatch this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var found = Array.BinarySearch(_starts, index);
            // An exact hit may be the start of empty parts: the match is in the last part starting there.
            var part = found >= 0 ? LastStartingAt(found) : ~found - 1;
            return _parts[part][index - _starts[part]];
        }
    }

    public IEnumerator<AlertMatch> GetEnumerator()
    {
        foreach (var part in _parts)
        {
            foreach (var match in part)
            {
                yield return match;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int LastStartingAt(int part)
    {
        while (part + 1 < _parts.Length && _starts[part + 1] == _starts[part])
        {
            part++;
        }

        return part;
    }
}
