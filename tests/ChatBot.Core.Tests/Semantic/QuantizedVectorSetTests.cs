using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;

namespace ChatBot.Core.Tests.Semantic;

public sealed class QuantizedVectorSetTests
{
    private const int Dimensions = 384;

    [Fact]
    public void Search_finds_the_same_nearest_papers_as_an_exact_float_scan()
    {
        var random = new Random(11);
        using var set = new QuantizedVectorSet(Dimensions);
        var vectors = Enumerable.Range(1, 2000).Select(i => (Sequence: (long)i, Vector: Int8VectorsTests.UnitVector(random, Dimensions))).ToList();
        foreach (var (sequence, vector) in vectors)
        {
            set.Upsert(new PaperVector(sequence, Id(sequence), 0, vector));
        }

        var overlap = 0;
        for (var q = 0; q < 20; q++)
        {
            // A query near a stored vector, so the top of the ranking is well separated.
            var query = Normalize(vectors[q * 50].Vector.Zip(Int8VectorsTests.UnitVector(random, Dimensions), (a, b) => a + (0.5f * b)).ToArray());
            var exact = vectors.OrderByDescending(v => Dot(v.Vector, query)).Take(10).Select(v => v.Sequence).ToList();

            var hits = set.Search(query, 10);

            Assert.Equal(exact[0], hits[0].Sequence);
            Assert.InRange(hits[0].Score, Dot(vectors[q * 50].Vector, query) - 0.01f, Dot(vectors[q * 50].Vector, query) + 0.01f);
            Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "hits are best first");
            overlap += hits.Count(h => exact.Contains(h.Sequence));
        }

        Assert.True(overlap >= 190, $"top-10 overlap with the exact scan: {overlap} of 200");
    }

    [Fact]
    public void A_set_large_enough_to_be_scanned_on_several_cores_gives_the_same_ranking_as_one_core()
    {
        var random = new Random(13);
        using var set = new QuantizedVectorSet(Dimensions);
        var vectors = Enumerable.Range(1, 40_000).Select(i => Int8VectorsTests.UnitVector(random, Dimensions)).ToList();
        for (var i = 0; i < vectors.Count; i++)
        {
            set.Upsert(new PaperVector(i + 1, Id(i + 1), 0, vectors[i]));
        }

        // The same ranking over every vector but the first: the filter's cost is no concern here, only the merge.
        var hits = set.Search(vectors[39_000], 20);
        var allButFirst = set.Search(vectors[39_000], 19, sequence => sequence != 39_001);

        Assert.Equal(39_001, hits[0].Sequence);
        Assert.InRange(hits[0].Score, 0.99f, 1.01f);
        Assert.Equal(hits.Skip(1).Select(h => h.Sequence), allButFirst.Select(h => h.Sequence));
    }

    [Fact]
    public void Search_keeps_only_the_sequences_the_filter_allows()
    {
        var random = new Random(5);
        using var set = new QuantizedVectorSet(Dimensions);
        for (long i = 1; i <= 100; i++)
        {
            set.Upsert(new PaperVector(i, Id(i), 0, Int8VectorsTests.UnitVector(random, Dimensions)));
        }

        var hits = set.Search(Int8VectorsTests.UnitVector(random, Dimensions), 10, sequence => sequence % 7 == 0);

        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.Equal(0, h.Sequence % 7));
    }

    [Fact]
    public void Removing_a_vector_moves_the_last_one_into_its_place_and_both_stay_findable()
    {
        var random = new Random(9);
        using var set = new QuantizedVectorSet(Dimensions);
        var last = Int8VectorsTests.UnitVector(random, Dimensions);
        set.Upsert(new PaperVector(1, Id(1), 11, Int8VectorsTests.UnitVector(random, Dimensions)));
        set.Upsert(new PaperVector(2, Id(2), 22, Int8VectorsTests.UnitVector(random, Dimensions)));
        set.Upsert(new PaperVector(3, Id(3), 33, last));

        Assert.True(set.Remove(1));
        Assert.False(set.Remove(1));

        Assert.Equal(2, set.Count);
        Assert.Null(set.Find(Id(1)));
        Assert.Equal(3, set.Find(Id(3))!.Sequence);
        Assert.True(set.TryGetContentHash(3, out var hash) && hash == 33);
        Assert.Equal(3, set.Search(last, 1)[0].Sequence);
    }

    [Fact]
    public void A_paper_rekeyed_to_its_arxiv_id_is_found_by_the_new_id_only()
    {
        var vector = Int8VectorsTests.UnitVector(new Random(1), Dimensions);
        using var set = new QuantizedVectorSet(Dimensions);
        set.Upsert(new PaperVector(1, PaperId.Parse("title:some-paper"), 1, vector));

        set.Upsert(new PaperVector(1, PaperId.Parse("2501.00001"), 2, vector));

        Assert.Equal(1, set.Count);
        Assert.Null(set.Find(PaperId.Parse("title:some-paper")));
        Assert.Equal(PaperId.Parse("2501.00001"), set.Search(vector, 1)[0].Id);
    }

    [Fact]
    public void A_vector_of_the_wrong_length_is_refused()
    {
        using var set = new QuantizedVectorSet(Dimensions);

        Assert.Throws<ArgumentException>(() => set.Upsert(new PaperVector(1, Id(1), 0, new float[10])));
    }

    private static PaperId Id(long i) => PaperId.Parse($"2501.{i:00000}");

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(c => c * c));
        return [.. v.Select(c => c / norm)];
    }
}
