using System.Globalization;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Sources;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class ArxivSourceTests : IAsyncLifetime
{
    private const string QueryPath = "/api/query";
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(3);

    private readonly TestClock _clock = new(new DateTimeOffset(2025, 7, 15, 9, 30, 0, TimeSpan.Zero));
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_query_asks_for_the_configured_categories_newest_first_and_names_the_bot()
    {
        _server.Map(QueryPath, _ => ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00001v1", "2507.00002v1")));
        using var host = BuildHost(pageSize: 2, maxResults: 2, categories: ["cs.CL", "cs.CV"]);

        var batches = await host.Source(PaperSources.Arxiv).FetchAllAsync();

        var request = Assert.Single(_server.Requests);
        Assert.Equal("cat:cs.CL OR cat:cs.CV", request.Query("search_query"));
        Assert.Contains("search_query=cat:cs.CL+OR+cat:cs.CV&", request.QueryString, StringComparison.Ordinal);
        Assert.Equal("submittedDate", request.Query("sortBy"));
        Assert.Equal("descending", request.Query("sortOrder"));
        Assert.Equal("0", request.Query("start"));
        Assert.Equal("2", request.Query("max_results"));
        Assert.Equal(PaperSourcesRegistration.UserAgent, request.Header("User-Agent"));
        Assert.Equal(2, Assert.Single(batches).Papers.Count);
    }

    [Fact]
    public async Task Without_configured_categories_the_four_default_ones_are_asked_for()
    {
        _server.Map(QueryPath, _ => ScriptedResponse.Xml(SourceDocuments.ArxivFeed()));
        using var host = BuildHost(pageSize: 2, maxResults: 2, categories: []);

        await host.Source(PaperSources.Arxiv).FetchAllAsync();

        Assert.Equal("cat:cs.CL OR cat:cs.CV OR cat:cs.LG OR cat:cs.AI", Assert.Single(_server.Requests).Query("search_query"));
    }

    [Fact]
    public async Task Pages_are_requested_one_at_a_time_and_at_least_the_request_spacing_apart()
    {
        _server.Map(QueryPath, request => request.Query("start") switch
        {
            "0" => ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00001v1", "2507.00002v1")),
            "2" => ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00003v1", "2507.00004v2")),
            _ => ScriptedResponse.Xml(SourceDocuments.ArxivFeed()),
        });
        using var host = BuildHost(pageSize: 2, maxResults: 10);
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.Arxiv).FetchAsync);

        await _server.WaitForRequestsAsync(1);
        var wait = await _clock.NextTimerAsync(IsSpacingWait);
        _clock.Advance(wait - TimeSpan.FromMilliseconds(100));
        // The source is waiting on the spacing timer seen above, which the fake clock fires only when due.
        var beforeDue = _server.Requests.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await _server.WaitForRequestsAsync(2);
        _clock.Advance(await _clock.NextTimerAsync(IsSpacingWait));
        var batches = await fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Spacing, wait);
        Assert.Equal(1, beforeDue);
        var requests = _server.Requests;
        Assert.Equal(["0", "2", "4"], requests.Select(request => request.Query("start")));
        Assert.All(requests, request => Assert.Equal("2", request.Query("max_results")));
        Assert.All(requests.Zip(requests.Skip(1)), pair => Assert.True(pair.Second.ReceivedAt - pair.First.ReceivedAt >= Spacing));
        Assert.Equal(4, batches.SelectMany(batch => batch.Papers).Count());
    }

    [Fact]
    public async Task Paging_stops_at_max_results_and_asks_only_for_what_is_left()
    {
        _server.Map(QueryPath, request => request.Query("start") == "0"
            ? ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00001v1", "2507.00002v1"))
            : ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00003v1")));
        using var host = BuildHost(pageSize: 2, maxResults: 3);
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.Arxiv).FetchAsync);

        await _server.WaitForRequestsAsync(1);
        _clock.Advance(await _clock.NextTimerAsync(IsSpacingWait));
        var batches = await fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["0:2", "2:1"], _server.Requests.Select(request => $"{request.Query("start")}:{request.Query("max_results")}"));
        Assert.Equal(3, batches.SelectMany(batch => batch.Papers).Count());
    }

    [Fact]
    public async Task Versions_of_a_paper_met_on_two_pages_are_yielded_once_under_one_id()
    {
        // New submissions push entries down while we page: 2507.00002 shows up again, as v2.
        _server.Map(QueryPath, request => request.Query("start") switch
        {
            "0" => ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00001v1", "2507.00002v1")),
            "2" => ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00002v2", "2507.00003v1")),
            _ => ScriptedResponse.Xml(SourceDocuments.ArxivFeed()),
        });
        using var host = BuildHost(pageSize: 2, maxResults: 10);
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.Arxiv).FetchAsync);

        for (var request = 1; request <= 2; request++)
        {
            await _server.WaitForRequestsAsync(request);
            _clock.Advance(await _clock.NextTimerAsync(IsSpacingWait));
        }

        var batches = await fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["2507.00001", "2507.00002", "2507.00003"], batches.SelectMany(batch => batch.Papers).Select(paper => paper.Id.Value));
    }

    [Fact]
    public async Task The_source_is_off_unless_enabled()
    {
        _server.Map(QueryPath, _ => ScriptedResponse.Xml(SourceDocuments.ArxivFeed("2507.00001v1")));
        using var host = SourcesHost.Build(
            new Dictionary<string, string?> { ["Sources:Arxiv:BaseUrl"] = _server.BaseAddress.ToString() },
            _clock);

        var batches = await host.Source(PaperSources.Arxiv).FetchAllAsync();

        Assert.Empty(batches);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_request_spacing_under_three_seconds_stops_start_up_naming_the_setting()
    {
        using var host = BuildHost(pageSize: 2, maxResults: 2, spacing: "00:00:01");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Sources:Arxiv:RequestSpacing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_that_is_not_one_stops_start_up_naming_it()
    {
        using var host = BuildHost(pageSize: 2, maxResults: 2, categories: ["cs.CL", "cat:cs.CV OR x"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("cat:cs.CV OR x", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The spacing wait, as opposed to the handler's attempt (30 s) and total (2 min) timeouts.</summary>
    private static bool IsSpacingWait(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime <= Spacing;

    [Fact]
    public async Task A_body_that_stops_arriving_fails_the_fetch_at_its_timeout_naming_the_setting()
    {
        await using var stalling = StallingHttpServer.AnsweringHeadOnly("application/atom+xml; charset=utf-8", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">");
        using var host = BuildHost(pageSize: 10, maxResults: 10, extra: new() { ["Sources:Arxiv:BaseUrl"] = stalling.BaseAddress.ToString(), ["Sources:Arxiv:FetchTimeout"] = "00:00:10" });
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.Arxiv).FetchAsync);

        await stalling.WaitForRequestAsync();
        _clock.Advance(await _clock.NextTimerAsync(dueTime => dueTime == TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("The arXiv fetch did not finish within 00:00:10 (Sources:Arxiv:FetchTimeout); tried again at the next ingest.", error.Message);
    }

    [Fact]
    public async Task A_response_larger_than_the_limit_is_not_read_and_fails_the_fetch_naming_the_setting()
    {
        _server.Map(QueryPath, _ => ScriptedResponse.Xml(SourceDocuments.ArxivFeed([.. Enumerable.Range(1, 20).Select(i => $"2507.{i:00000}v1")])));
        using var host = BuildHost(pageSize: 20, maxResults: 20, extra: new() { ["Sources:Arxiv:MaxResponseBytes"] = "4096" });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => host.Source(PaperSources.Arxiv).FetchAllAsync());

        Assert.EndsWith("is larger than 4 KiB (Sources:Arxiv:MaxResponseBytes); not read.", error.Message, StringComparison.Ordinal);
    }

    private IHost BuildHost(int pageSize, int maxResults, string[]? categories = null, string spacing = "00:00:03", Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:Enabled"] = "false",
            ["Sources:Inbox:Enabled"] = "false",
            ["Sources:Arxiv:Enabled"] = "true",
            ["Sources:Arxiv:BaseUrl"] = _server.BaseAddress.ToString(),
            ["Sources:Arxiv:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            ["Sources:Arxiv:MaxResults"] = maxResults.ToString(CultureInfo.InvariantCulture),
            ["Sources:Arxiv:RequestSpacing"] = spacing,
        };
        foreach (var (category, index) in (categories ?? []).Select((category, index) => (category, index)))
        {
            settings[$"Sources:Arxiv:Categories:{index}"] = category;
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return SourcesHost.Build(settings, _clock);
    }
}
