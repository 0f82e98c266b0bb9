using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Semantic;
using ChatBot.Storage.Tests.Search;
using Xunit.Abstractions;

namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// Where "close in meaning" starts, measured on the seed corpus with the packaged model and the judged queries:
/// two papers judged clearly relevant (grade 2 or 3) to the same query are a close pair; two papers relevant only to
/// queries that share no relevant paper are an unrelated pair. The cut-offs the bot ships (<see cref="AlertOptions.LikeThreshold"/>
/// for <c>like:</c> alerts, <see cref="DailyThreadOptions.MeaningCutOff"/> for daily-thread filters by meaning) must
/// keep unrelated pairs out and let most close pairs in; the distributions go to the test output.
/// </summary>
public sealed class SimilarityCutOffTests(SeedCorpusFixture corpus, SeedCorpusMeaningFixture meaning, ITestOutputHelper output)
    : IClassFixture<SeedCorpusFixture>, IClassFixture<SeedCorpusMeaningFixture>
{
    private static readonly IReadOnlyList<JudgedQuery> Queries = JudgedQuerySet.Load();

    [Fact]
    public async Task The_like_alert_cut_off_admits_close_papers_and_keeps_unrelated_ones_out()
    {
        Assert.Null(meaning.ModelUnavailable);
        var vectors = await VectorsAsync();
        var (close, unrelated) = Pairs(vectors);
        Report("paper-paper close", close);
        Report("paper-paper unrelated", unrelated);
        Sweep(close, unrelated, "close", "unrelated");
        // What a like: alert on each seed paper would have sent out of the other 238.
        for (var t = 0.5f; t < 0.76f; t += 0.05f)
        {
            var perPaper = vectors.Values.Select(a => vectors.Values.Count(b => !ReferenceEquals(a, b) && Cosine.Of(a, b) >= t)).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"at {t:F2} a like: alert on a seed paper matches of the other 238: median {perPaper[perPaper.Count / 2]}, p90 {perPaper[perPaper.Count * 9 / 10]}, none for {perPaper.Count(c => c == 0)} papers"));
        }

        var cutOff = (float)new AlertOptions().LikeThreshold;

        var unrelatedAdmitted = unrelated.Count(s => s >= cutOff) / (double)unrelated.Count;
        var closeAdmitted = close.Count(s => s >= cutOff) / (double)close.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cut-off {cutOff}: close admitted {closeAdmitted:P1}, unrelated admitted {unrelatedAdmitted:P2}"));
        Assert.True(unrelatedAdmitted <= 0.01, $"{unrelatedAdmitted:P2} of unrelated pairs pass {cutOff}");
        Assert.True(closeAdmitted >= 0.2, $"only {closeAdmitted:P1} of close pairs pass {cutOff}");
    }

    [Fact]
    public async Task The_daily_thread_cut_off_admits_papers_relevant_to_a_topic_and_few_others()
    {
        Assert.Null(meaning.ModelUnavailable);
        var vectors = await VectorsAsync();
        var relevant = new List<float>();
        var irrelevant = new List<float>();
        foreach (var query in Queries)
        {
            var q = (await meaning.Semantic.EmbedAsync(query.Text))!;
            foreach (var (id, vector) in vectors)
            {
                var score = Cosine.Of(q, vector);
                (query.Grade(id) >= 2 ? relevant : query.Grade(id) == 0 ? irrelevant : null)?.Add(score);
            }
        }

        Report("query-paper relevant", relevant);
        Report("query-paper irrelevant", irrelevant);
        Sweep(relevant, irrelevant, "relevant", "irrelevant");
        var cutOff = (float)new DailyThreadOptions().MeaningCutOff;
        var irrelevantAdmitted = irrelevant.Count(s => s >= cutOff) / (double)irrelevant.Count;
        var relevantAdmitted = relevant.Count(s => s >= cutOff) / (double)relevant.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cut-off {cutOff}: relevant admitted {relevantAdmitted:P1}, irrelevant admitted {irrelevantAdmitted:P2}"));
        Assert.True(irrelevantAdmitted <= 0.015, $"{irrelevantAdmitted:P2} of irrelevant papers pass {cutOff}");
        Assert.True(relevantAdmitted >= 0.3, $"only {relevantAdmitted:P1} of relevant papers pass {cutOff}");
    }

    private async Task<Dictionary<string, float[]>> VectorsAsync()
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var paper in corpus.Papers)
        {
            if (await meaning.Vectors.FindAsync(paper.Id) is { } vector)
            {
                vectors[paper.Id.Value] = vector.Vector;
            }
        }

        Assert.Equal(corpus.Papers.Select(p => p.Id).Distinct().Count(), vectors.Count);
        return vectors;
    }

    private static (List<float> Close, List<float> Unrelated) Pairs(Dictionary<string, float[]> vectors)
    {
        var relevantTo = Queries.ToDictionary(q => q.Id, q => q.Judgments.Where(j => j.Value >= 2).Select(j => j.Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var anyGrade = Queries.ToDictionary(q => q.Id, q => q.Judgments.Keys.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var close = new HashSet<(string, string)>();
        foreach (var set in relevantTo.Values)
        {
            foreach (var a in set)
            {
                foreach (var b in set)
                {
                    if (string.CompareOrdinal(a, b) < 0)
                    {
                        close.Add((a, b));
                    }
                }
            }
        }

        // Unrelated: relevant to two queries whose judged papers (any grade) do not overlap, and never judged together.
        var unrelated = new HashSet<(string, string)>();
        foreach (var (qa, setA) in relevantTo)
        {
            foreach (var (qb, setB) in relevantTo)
            {
                if (string.CompareOrdinal(qa, qb) >= 0 || anyGrade[qa].Overlaps(anyGrade[qb]))
                {
                    continue;
                }

                foreach (var a in setA)
                {
                    foreach (var b in setB)
                    {
                        var pair = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
                        if (!close.Contains(pair) && !anyGrade.Values.Any(s => s.Contains(a) && s.Contains(b)))
                        {
                            unrelated.Add(pair);
                        }
                    }
                }
            }
        }

        return ([.. close.Select(p => Cosine.Of(vectors[p.Item1], vectors[p.Item2]))],
            [.. unrelated.Select(p => Cosine.Of(vectors[p.Item1], vectors[p.Item2]))]);
    }

    private void Sweep(List<float> wanted, List<float> unwanted, string wantedName, string unwantedName)
    {
        for (var t = 0.3f; t < 0.76f; t += 0.025f)
        {
            var w = wanted.Count(s => s >= t);
            var u = unwanted.Count(s => s >= t);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"at {t:F3}: {wantedName} admitted {w / (double)wanted.Count:P1}, {unwantedName} admitted {u / (double)unwanted.Count:P2}, precision over the pairs {w / (double)Math.Max(1, w + u):P1}"));
        }
    }

    private void Report(string what, List<float> scores)
    {
        scores.Sort();
        float At(double q) => scores[(int)Math.Min(scores.Count - 1, Math.Round(q * (scores.Count - 1)))];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what} ({scores.Count}): min {At(0):F3} p10 {At(0.1):F3} p25 {At(0.25):F3} p50 {At(0.5):F3} p75 {At(0.75):F3} p90 {At(0.9):F3} p95 {At(0.95):F3} p99 {At(0.99):F3} max {At(1):F3}"));
    }
}
