using System.Globalization;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class HuggingFaceDailyPapersSourceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Today_and_the_past_days_are_fetched_page_by_page_and_an_unopened_day_is_skipped()
    {
        _server.Map("/api/daily_papers", request => (request.Query("date"), request.Query("p")) switch
        {
            ("2026-11-23", _) => ScriptedResponse.Status(400, "{\"error\":\"date not open\"}"),
            ("2026-11-22", "0") => ScriptedResponse.Json(Page(0, 2)),
            ("2026-11-22", "1") => ScriptedResponse.Json(Page(2, 1)),
            _ => ScriptedResponse.Json("[]"),
        });
        using var host = Host(pastDays: 2, pageSize: 2);

        var batches = await host.Source("huggingface").FetchAllAsync();

        Assert.Equal(["2501.00000", "2501.00001", "2501.00002"], batches.SelectMany(b => b.Papers).Select(p => p.Id.Value));
        var asked = _server.Requests.Select(r => $"{r.Query("date")} p{r.Query("p")}").ToList();
        Assert.Equal(["2026-11-23 p0", "2026-11-22 p0", "2026-11-22 p1", "2026-11-21 p0"], asked);
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After_says()
    {
        _server.Enqueue("/api/daily_papers",
            ScriptedResponse.Status(429).WithHeader("Retry-After", "1"),
            ScriptedResponse.Json(Page(0, 1)));
        using var host = Host(pastDays: 0, pageSize: 10, realClock: true);

        var batches = await host.Source("huggingface").FetchAllAsync();

        Assert.Single(batches.SelectMany(b => b.Papers));
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.95),
            $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_500_followed_by_success_is_retried_and_the_papers_arrive()
    {
        _server.Enqueue("/api/daily_papers", ScriptedResponse.Status(500, "boom"), ScriptedResponse.Json(Page(0, 1)));
        using var host = Host(pastDays: 0, pageSize: 10, realClock: true);

        var batches = await host.Source("huggingface").FetchAllAsync();

        Assert.Equal(["2501.00000"], batches.SelectMany(b => b.Papers).Select(p => p.Id.Value));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_500_that_persists_makes_the_fetch_fail_after_retries()
    {
        _server.Map("/api/daily_papers", _ => ScriptedResponse.Status(500, "boom"));
        using var host = Host(pastDays: 0, pageSize: 10, realClock: true);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => host.Source("huggingface").FetchAllAsync());

        Assert.True(_server.Requests.Count > 1, "the 500 was not retried");
    }

    private Microsoft.Extensions.Hosting.IHost Host(int pastDays, int pageSize, bool realClock = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:BaseUrl"] = _server.BaseAddress.ToString(),
            ["Sources:HuggingFace:PastDays"] = pastDays.ToString(CultureInfo.InvariantCulture),
            ["Sources:HuggingFace:PageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        };
        return SourcesHost.Build(settings, realClock ? null : _clock);
    }

    private static string Page(int first, int count) => "[" + string.Join(",", Enumerable.Range(first, count).Select(i => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"publishedAt":"2026-11-22T10:00:00.000Z","title":"Paper {{{i}}}","numComments":0,
         "paper":{"id":"2501.{{{i:D5}}}","title":"Paper {{{i}}}","summary":"About paper {{{i}}}.","authors":[{"name":"A"}],
                  "publishedAt":"2026-11-21T00:00:00.000Z","upvotes":{{{i}}}}}
        """))) + "]";
}
