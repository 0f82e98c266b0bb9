using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.DailyThreads;

/// <summary>
/// Daily-thread filters by meaning: which fresh papers <c>mode:semantic</c> and <c>mode:hybrid</c> admit, how papers not
/// embedded yet and an unavailable model fall back to the words, and which filters are refused. The embedder is
/// <see cref="FakeTextEmbedder"/>: texts sharing most words are close.
/// </summary>
public sealed class DailyThreadMeaningFilterTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _papers;
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly FakeTextEmbedder _embedder = new();
    private readonly RecordingLogger<DailyThreadMeaningFilter> _logger = new();
    private int _next;

    public DailyThreadMeaningFilterTests() => _papers = new InMemoryPaperStore(_clock);

    public void Dispose() => _vectors.Dispose();

    [Fact]
    public async Task Mode_semantic_admits_papers_close_to_its_words_and_not_unrelated_ones_even_if_they_share_a_word()
    {
        var close = await AddAsync("State space models for long sequences");
        var unrelated = await AddAsync("Long hair segmentation in portrait photos");
        await EmbedAllAsync();

        var admitted = await AdmitAsync("mode:semantic state space models for long sequences", byWords: [unrelated.Id]);

        Assert.Equal([close.Id], admitted);
    }

    [Fact]
    public async Task Mode_hybrid_also_admits_what_the_words_match()
    {
        var close = await AddAsync("State space models for long sequences");
        var worded = await AddAsync("Long hair segmentation in portrait photos");
        await AddAsync("Protein folding with diffusion");
        await EmbedAllAsync();

        var admitted = await AdmitAsync("mode:hybrid state space models for long sequences", byWords: [worded.Id]);

        Assert.Equal([close.Id, worded.Id], admitted);
    }

    [Fact]
    public async Task A_paper_not_embedded_yet_is_judged_by_the_words_and_the_log_counts_it()
    {
        await EmbedAllAsync();
        var notEmbeddedMatching = await AddAsync("State space models for long sequences");
        await AddAsync("State space models for long audio");

        var admitted = await AdmitAsync("mode:semantic state space models for long sequences", byWords: [notEmbeddedMatching.Id]);

        Assert.Equal([notEmbeddedMatching.Id], admitted);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1421 && e.Message.Contains("2 fresh papers are not embedded yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_filters_other_conditions_hold_for_papers_admitted_by_meaning()
    {
        var kept = await AddAsync("State space models for long sequences");
        await AddAsync("State space models for long sequences and audio");
        await EmbedAllAsync();
        var allowed = new SequenceSet();
        allowed.Add(kept.Sequence);

        var admitted = await AdmitAsync("mode:semantic state space models for long sequences -audio", byWords: [], new FilterOnlySearchIndex(allowed));

        Assert.Equal([kept.Id], admitted);
    }

    [Fact]
    public async Task With_the_model_unavailable_the_filter_matches_its_words_and_says_so()
    {
        await AddAsync("State space models for long sequences");
        var worded = await AddAsync("Long hair segmentation in portrait photos");
        await EmbedAllAsync();
        _embedder.Status = new EmbedderStatus(EmbedderState.Failed, "libonnxruntime is missing");

        var admitted = await AdmitAsync("mode:semantic state space models for long sequences", byWords: [worded.Id]);

        Assert.Equal([worded.Id], admitted);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1420 && e.Message.Contains("libonnxruntime is missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("mode:semantic robots", true)]
    [InlineData("mode:hybrid robots", true)]
    [InlineData("robots", false)]
    [InlineData("mode:keyword robots", false)]
    [InlineData("mode:hybrid author:lecun", false)]
    public void Only_a_filter_naming_meaning_with_words_to_embed_is_matched_by_meaning(string filter, bool byMeaning) =>
        Assert.Equal(byMeaning, DailyThreadMeaningFilter.Applies(SearchQueryParser.Parse(filter)));

    [Fact]
    public void A_semantic_filter_without_words_is_refused_naming_what_to_add()
    {
        var error = Assert.Throws<ChatBotException>(() => DailyThreadScheduleParser.ParseFilter("mode:semantic author:lecun"));

        Assert.Contains("no words to compare by meaning", error.Message, StringComparison.Ordinal);
        Assert.Equal("mode:semantic video world models", DailyThreadScheduleParser.ParseFilter(" mode:semantic video world models "));
    }

    private async Task<IReadOnlyList<PaperId>> AdmitAsync(string filter, HashSet<PaperId> byWords, ISearchIndex? index = null)
    {
        index ??= new FilterOnlySearchIndex(null);
        var filterByMeaning = new DailyThreadMeaningFilter(
            index, new SemanticSearch(_embedder, _vectors), _vectors, _embedder, Options.Create(new DailyThreadOptions()), _logger);
        var admitted = await filterByMeaning.AdmitAsync("discord:c1", SearchQueryParser.Parse(filter), _papers.All, byWords, _clock.GetUtcNow(), CancellationToken.None);
        return [.. admitted.Select(p => p.Id)];
    }

    private async Task<Paper> AddAsync(string title)
    {
        var id = $"2611.{++_next:00000}";
        await _papers.UpsertAsync([TestPapers.Arxiv(id, title)]);
        return _papers.All.Single(p => p.Id == PaperId.FromArxiv(id));
    }

    private async Task EmbedAllAsync()
    {
        using var synchronizer = new PaperVectorSynchronizer(_papers, _vectors, _embedder, NullLogger<PaperVectorSynchronizer>.Instance);
        await synchronizer.CatchUpAsync(null, CancellationToken.None);
    }
}
