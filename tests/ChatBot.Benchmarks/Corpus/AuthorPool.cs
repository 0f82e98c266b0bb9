namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// Author names built from common first and last names. Some authors are prolific: picks are
/// Zipf-distributed over the pool, so an <c>author:</c> query finds anything from one paper to thousands.
/// </summary>
internal sealed class AuthorPool
{
    public const int DefaultSize = 5_000;

    private static readonly string[] FirstNames =
    [
        "Wei", "Yu", "Jing", "Li", "Xin", "Hao", "Yang", "Chen", "Min", "Jun", "Ming", "Tao", "Lei", "Yi", "Zhe",
        "Sanjay", "Priya", "Arjun", "Ananya", "Rahul", "Aditi", "Vikram", "Neha", "Rohan", "Kavya",
        "James", "Mary", "John", "Sarah", "David", "Emily", "Michael", "Laura", "Daniel", "Anna", "Thomas", "Julia",
        "Lukas", "Sophie", "Felix", "Marie", "Jonas", "Lea", "Pierre", "Camille", "Hugo", "Chloe", "Mateo", "Lucia",
        "Hiroshi", "Yuki", "Kenta", "Sakura", "Minjun", "Jiwoo", "Seojun", "Olga", "Ivan", "Dmitri", "Fatima", "Omar",
    ];

    private static readonly string[] LastNames =
    [
        "Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
        "Guo", "He", "Lin", "Gao", "Luo", "Sharma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer", "Nair",
        "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Martin", "Lee",
        "Garcia", "Martinez", "Rodriguez", "Lopez", "Gonzalez", "Muller", "Schmidt", "Schneider", "Fischer", "Weber",
        "Dubois", "Laurent", "Bernard", "Rossi", "Russo", "Tanaka", "Suzuki", "Takahashi", "Kim", "Park", "Choi",
        "Ivanov", "Petrov", "Novak", "Kowalski", "Nielsen", "Hansen", "Jensen", "Silva", "Santos", "Costa", "Cohen",
    ];

    private readonly string[] _names;
    private readonly ZipfSampler _sampler;

    public AuthorPool(int seed, int size = DefaultSize)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var capacity = FirstNames.Length * LastNames.Length;
        var ordered = new List<string>(Math.Min(size, capacity));
        while (ordered.Count < Math.Min(size, capacity))
        {
            var name = FirstNames[random.Next(FirstNames.Length)] + " " + LastNames[random.Next(LastNames.Length)];
            if (names.Add(name))
            {
                ordered.Add(name);
            }
        }

        _names = [.. ordered];
        _sampler = new ZipfSampler(_names.Length, exponent: 0.8);
    }

    public int Count => _names.Length;

    public string this[int index] => _names[index];

    /// <summary>1 to 12 distinct authors, most papers having 3 to 8.</summary>
    public string[] NextAuthors(Random random)
    {
        var count = Math.Clamp(random.Next(1, 7) + random.Next(0, 7), 1, 12);
        var authors = new List<string>(count);
        while (authors.Count < count)
        {
            var name = _names[_sampler.Next(random)];
            if (!authors.Contains(name, StringComparer.Ordinal))
            {
                authors.Add(name);
            }
        }

        return [.. authors];
    }

    /// <summary>An author to look for, by how often they write (a prolific author is asked about more often).</summary>
    public string NextName(Random random) => _names[_sampler.Next(random)];
}
