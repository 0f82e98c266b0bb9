using ChatBot.Core.Papers;

namespace ChatBot.Benchmarks.Corpus;

/// <summary>
/// The corpus as sources deliver it: every paper in publication order, and <see cref="DuplicateShare"/> of them a
/// second time (<see cref="DuplicateKind"/>), <see cref="Lag"/> records after the first, so the store has to merge
/// them (mostly in a later batch, as a second source reports the same paper later). The store must end with
/// <see cref="PaperGenerator.Count"/> papers. Which papers are duplicated depends on the seed only.
/// </summary>
internal sealed class IngestStream(PaperGenerator corpus, int seed)
{
    /// <summary>Share of the papers that arrive twice: two thirds from another source, one third title first.</summary>
    public const double DuplicateShare = 0.15;

    /// <summary>Records between a paper's first arrival and its duplicate.</summary>
    public const int Lag = 1_500;

    public DuplicateKind KindOf(int index)
    {
        var roll = SeedMix.Random(seed, index, stream: 13).NextDouble();
        return roll < DuplicateShare * 2 / 3 ? DuplicateKind.OtherSource
            : roll < DuplicateShare ? DuplicateKind.TitleFirst
            : DuplicateKind.None;
    }

    /// <summary>Every record in arrival order, each with the kind of arrival it is.</summary>
    public IEnumerable<(Paper Paper, DuplicateKind Kind, bool IsDuplicate)> Records()
    {
        var pending = new Queue<(int Due, int Index, DuplicateKind Kind)>();
        for (var i = 0; i < corpus.Count; i++)
        {
            while (pending.Count > 0 && pending.Peek().Due <= i)
            {
                var (_, index, kind) = pending.Dequeue();
                yield return (Second(index, kind), kind, true);
            }

            var duplicate = KindOf(i);
            yield return (First(i, duplicate), duplicate, false);
            if (duplicate != DuplicateKind.None)
            {
                pending.Enqueue((i + Lag, i, duplicate));
            }
        }

        while (pending.Count > 0)
        {
            var (_, index, kind) = pending.Dequeue();
            yield return (Second(index, kind), kind, true);
        }
    }

    private Paper First(int index, DuplicateKind kind)
    {
        var paper = corpus.Create(index);
        return kind == DuplicateKind.TitleFirst
            ? paper with { Id = PaperId.FromTitle(paper.Title), ArxivId = null, Upvotes = null, Comments = null, Links = PaperLinks.None, Sources = [PaperSources.File] }
            : paper;
    }

    private Paper Second(int index, DuplicateKind kind)
    {
        var paper = corpus.Create(index);
        if (kind == DuplicateKind.TitleFirst)
        {
            return paper;
        }

        var other = SeedMix.Random(seed, index, stream: 14);
        return paper with { Upvotes = (paper.Upvotes ?? 0) + 1 + other.Next(0, 50), Sources = [PaperSources.Arxiv] };
    }
}
