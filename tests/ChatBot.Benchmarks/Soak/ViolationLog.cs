namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Protocol violations: what the soak's own checks saw (recorded as they happen), plus what the fakes report
/// themselves (<see cref="AddSource"/>, read at the end). Every violation counts; the first few of each source are
/// kept word for word for the summary.
/// </summary>
internal sealed class ViolationLog
{
    private const int KeptPerSource = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly List<(string Source, Func<IEnumerable<string>> Read)> _sources = [];

    /// <summary>Records one violation seen by <paramref name="source"/> (<c>discord rest</c>, <c>slack socket</c>, …).</summary>
    public void Add(string source, string description)
    {
        lock (_gate)
        {
            var count = _counts[source] = _counts.GetValueOrDefault(source) + 1;
            if (count <= KeptPerSource)
            {
                _examples.Add($"{source}: {description}");
            }
        }
    }

    /// <summary>A fake that keeps its own list of violations; it is read once, by <see cref="Collect"/>.</summary>
    public void AddSource(string source, Func<IEnumerable<string>> read)
    {
        lock (_gate)
        {
            _sources.Add((source, read));
        }
    }

    /// <summary>Reads the fakes' own lists into the log (call once, at the end).</summary>
    public void Collect()
    {
        List<(string Source, Func<IEnumerable<string>> Read)> sources;
        lock (_gate)
        {
            sources = [.. _sources];
            _sources.Clear();
        }

        foreach (var (source, read) in sources)
        {
            foreach (var violation in read())
            {
                Add(source, violation);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _counts.Values.Sum();
            }
        }
    }

    public IReadOnlyDictionary<string, int> BySource
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<string> Examples
    {
        get
        {
            lock (_gate)
            {
                return [.. _examples];
            }
        }
    }
}
