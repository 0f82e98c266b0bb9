using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// A dozen hand-made papers with authors, dates and upvotes (the seed pages have none of these),
/// indexed once for every query test.
/// </summary>
public sealed class QueryCorpusFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The fixed clock relative dates resolve against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly TempSearchIndex _index = new();

    public IReadOnlyList<Paper> Papers { get; } =
    [
        Make(1, "Time Series Forecasting with Transformers", "We forecast time series with attention over long horizons.", ["John Smith", "Maria García"], Now.AddDays(-1), 50),
        Make(2, "Diffusion Models for Video Generation", "A diffusion model that generates video from text prompts.", ["Alice Johnson"], Now.AddDays(-10), 120),
        Make(3, "A Survey of Diffusion Models", "We survey diffusion and score-based generative models.", ["Wei Zhang"], new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), 5),
        Make(4, "Series of Experiments on Time Budgets", "Experiments where forecasting is not the point: a series of time budgets for training.", ["Jane Smithson"], new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), 0),
        Make(5, "Graph Neural Networks for Molecules", "Message passing on molecular graphs predicts properties of molecules.", ["Zoë Smith"], Now.AddDays(-2), 30),
        Make(6, "Large Language Models as Forecasters", "Large language models predict time series zero-shot.", ["Bob Smith"], new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 80),
        Make(7, "Reinforcement Learning from Human Feedback", "RLHF aligns language models with human preferences.", ["John Doe"], new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), 200)
            with { Keywords = ["reward modeling", "cs.LG"] },
        Make(8, "Smith Normal Form in Lattices", "An algebraic note on integer matrices.", ["Ada Lovelace"], Now.AddHours(-1), 10)
            with { Summary = "Uses the Hermite decomposition." },
        Make(9, "Mixture of Experts at Scale", "Sparse experts route tokens for language modelling.", ["Noam Shazeer"], new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), 80),
        Make(10, "Vision Transformers Need Registers", "Register tokens remove artifacts from vision transformer attention maps.", ["Timothée Darcet"], Now.AddDays(-30), 65),
    ];

    internal LuceneSearchIndex Index => _index.Index;

    public Task InitializeAsync() => Index.IndexAsync(Papers);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _index.Dispose();

    public Task<SearchResults> SearchAsync(SearchQuery query, int offset = 0, int limit = 100) =>
        Index.SearchAsync(query, offset, limit, Now);

    public static SearchQuery Words(params string[] words) =>
        new() { Clauses = [.. words.Select(w => QueryClause.Of(new QueryTerm(QueryField.Any, w, IsPhrase: false)))] };

    public static QueryTerm Word(string text) => new(QueryField.Any, text, IsPhrase: false);

    public static QueryTerm Phrase(string text) => new(QueryField.Any, text, IsPhrase: true);

    public Paper Paper(PaperId id) => Papers.Single(p => p.Id == id);

    /// <summary>The papers whose title or abstract contains <paramref name="text"/>, ignoring case.</summary>
    public IReadOnlySet<PaperId> Mentioning(string text) =>
        Papers.Where(p => Mentions(p, text)).Select(p => p.Id).ToHashSet();

    public static bool Mentions(Paper paper, string text) =>
        paper.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || paper.Abstract.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static Paper Make(int n, string title, string abstractText, string[] authors, DateTimeOffset published, int upvotes) => new()
    {
        Id = PaperId.Parse($"2501.{n:00000}"),
        ArxivId = $"2501.{n:00000}",
        Title = title,
        Abstract = abstractText,
        Authors = authors,
        PublishedAt = published,
        Upvotes = upvotes,
        Sequence = n,
        Revision = n,
    };
}
