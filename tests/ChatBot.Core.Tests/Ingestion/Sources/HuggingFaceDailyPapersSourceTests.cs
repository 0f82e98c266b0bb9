using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class HuggingFaceDailyPapersSourceTests : IAsyncLifetime
{
    private const string ListPath = "/api/daily_papers";

    // 09:30 UTC on Tuesday 15 July 2025.
    private readonly TestClock _clock = new(new DateTimeOffset(2025, 7, 15, 9, 30, 0, TimeSpan.Zero));
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pages_of_a_day_are_followed_until_a_page_is_short()
    {
        _server.Map(ListPath, request => request.Query("p") switch
        {
            "0" => ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00001", "2507.00002")),
            "1" => ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00003")),
            _ => ScriptedResponse.Status(500),
        });
        using var host = BuildHost(pastDays: 0, pageSize: 2);

        var batches = await host.Source(PaperSources.HuggingFace).FetchAllAsync();

        Assert.Equal(
            ["/api/daily_papers?date=2025-07-15&limit=2&p=0", "/api/daily_papers?date=2025-07-15&limit=2&p=1"],
            _server.Requests.Select(request => request.PathAndQuery));
        Assert.Equal(["huggingface 2025-07-15 p0", "huggingface 2025-07-15 p1"], batches.Select(batch => batch.Origin));
        Assert.Equal(["2507.00001", "2507.00002", "2507.00003"], batches.SelectMany(batch => batch.Papers).Select(paper => paper.Id.Value));
        Assert.All(batches, batch => Assert.Empty(batch.Rejections));
    }

    [Fact]
    public async Task Today_and_the_configured_past_days_are_fetched_newest_first()
    {
        _server.Map(ListPath, request => ScriptedResponse.Json(SourceDocuments.HuggingFaceList(DayId(request.Query("date")))));
        using var host = BuildHost(pastDays: 3);

        var batches = await host.Source(PaperSources.HuggingFace).FetchAllAsync();

        Assert.Equal(["2025-07-15", "2025-07-14", "2025-07-13", "2025-07-12"], _server.Requests.Select(request => request.Query("date")));
        Assert.All(_server.Requests, request => Assert.Equal("100", request.Query("limit")));
        Assert.Equal(4, batches.Count);
    }

    [Fact]
    public async Task An_empty_list_on_a_weekend_is_no_error_and_yields_nothing()
    {
        _server.Map(ListPath, request => request.Query("date") == "2025-07-15"
            ? ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00001"))
            : ScriptedResponse.Json("[]"));
        using var host = BuildHost(pastDays: 2);

        var batches = await host.Source(PaperSources.HuggingFace).FetchAllAsync();

        var batch = Assert.Single(batches);
        Assert.Equal("huggingface 2025-07-15 p0", batch.Origin);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_400_for_a_date_not_yet_open_skips_that_date()
    {
        _server.Map(ListPath, request => request.Query("date") == "2025-07-15"
            ? ScriptedResponse.Json("""{"error":"Invalid date: the daily papers of 2025-07-15 are not available yet"}""", statusCode: 400)
            : ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00009")));
        using var host = BuildHost(pastDays: 1);

        var batches = await host.Source(PaperSources.HuggingFace).FetchAllAsync();

        var batch = Assert.Single(batches);
        Assert.Equal("huggingface 2025-07-14 p0", batch.Origin);
        Assert.Equal(["2025-07-15", "2025-07-14"], _server.Requests.Select(request => request.Query("date")));
    }

    [Fact]
    public async Task A_429_is_retried_no_earlier_than_its_Retry_After_says()
    {
        _server.Enqueue(ListPath, ScriptedResponse.Status(429).WithHeader("Retry-After", "1"));
        _server.Map(ListPath, _ => ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00001")));
        using var host = BuildHost(pastDays: 0);
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.HuggingFace).FetchAsync);

        await _server.WaitForRequestsAsync(1);
        var retryDelay = await _clock.NextTimerAsync(IsBackoff);
        _clock.Advance(retryDelay - TimeSpan.FromMilliseconds(1));
        // The source is waiting on the backoff timer seen above, which the fake clock fires only when due.
        var beforeDue = _server.Requests.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var batches = await fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(1), retryDelay);
        Assert.Equal(1, beforeDue);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1));
        Assert.Single(Assert.Single(batches).Papers);
    }

    [Fact]
    public async Task A_500_is_retried_after_a_backoff_and_the_fetch_goes_on()
    {
        _server.Enqueue(ListPath, ScriptedResponse.Status(500));
        _server.Map(ListPath, _ => ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00001")));
        using var host = BuildHost(pastDays: 0);
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.HuggingFace).FetchAsync);

        await _server.WaitForRequestsAsync(1);
        var backoff = await _clock.NextTimerAsync(IsBackoff);
        _clock.Advance(backoff);
        var batches = await fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(Assert.Single(batches).Papers);
    }

    [Fact]
    public async Task A_500_that_persists_through_every_retry_makes_the_fetch_throw()
    {
        _server.Map(ListPath, _ => ScriptedResponse.Status(500));
        using var host = BuildHost(pastDays: 0);
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.HuggingFace).FetchAsync);

        for (var retry = 1; retry <= 3; retry++)
        {
            await _server.WaitForRequestsAsync(retry);
            _clock.Advance(await _clock.NextTimerAsync(IsBackoff));
        }

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_disabled_source_makes_no_requests()
    {
        _server.Map(ListPath, _ => ScriptedResponse.Json(SourceDocuments.HuggingFaceList("2507.00001")));
        using var host = BuildHost(pastDays: 0, enabled: false);

        var batches = await host.Source(PaperSources.HuggingFace).FetchAllAsync();

        Assert.Empty(batches);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_fails_the_fetch_at_its_timeout_naming_the_setting()
    {
        // Headers arrive, so the resilience handler's timeouts are over; the body never completes.
        await using var stalling = StallingHttpServer.AnsweringHeadOnly("application/json; charset=utf-8", "[{\"paper\":{\"id\":");
        using var host = BuildHost(pastDays: 0, baseUrl: stalling.BaseAddress, fetchTimeout: "00:00:10");
        await using var fetch = new BackgroundEnumeration<PaperBatch>(host.Source(PaperSources.HuggingFace).FetchAsync);

        await stalling.WaitForRequestAsync();
        _clock.Advance(await _clock.NextTimerAsync(dueTime => dueTime == TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => fetch.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("The Hugging Face fetch did not finish within 00:00:10 (Sources:HuggingFace:FetchTimeout); tried again at the next ingest.", error.Message);
    }

    [Fact]
    public async Task A_response_larger_than_the_limit_is_not_read_and_fails_the_fetch_naming_the_setting()
    {
        // Sent chunked, without a length to trust: what arrives is counted.
        _server.Map(ListPath, _ => ScriptedResponse.Json(SourceDocuments.HuggingFaceList([.. Enumerable.Range(1, 40).Select(i => $"2507.{i:00000}")])));
        using var host = BuildHost(pastDays: 0, maxResponseBytes: "2048");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => host.Source(PaperSources.HuggingFace).FetchAllAsync());

        Assert.StartsWith($"The response from {_server.BaseAddress}api/daily_papers?date=2025-07-15", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is larger than 2 KiB (Sources:HuggingFace:MaxResponseBytes); not read.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A retry backoff, as opposed to the handler's attempt (20 s) and total (90 s) timeouts.</summary>
    private static bool IsBackoff(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromSeconds(15);

    /// <summary>A distinct arXiv-shaped id per date, e.g. 2507.00012 for the 12th.</summary>
    private static string DayId(string? date) => "2507.000" + date![^2..];

    private IHost BuildHost(int pastDays, int pageSize = 100, bool enabled = true, Uri? baseUrl = null, string? fetchTimeout = null, string? maxResponseBytes = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:Enabled"] = enabled ? "true" : "false",
            ["Sources:HuggingFace:BaseUrl"] = (baseUrl ?? _server.BaseAddress).ToString(),
            ["Sources:HuggingFace:PastDays"] = pastDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources:HuggingFace:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources:Inbox:Enabled"] = "false",
        };
        if (fetchTimeout is not null)
        {
            settings["Sources:HuggingFace:FetchTimeout"] = fetchTimeout;
        }

        if (maxResponseBytes is not null)
        {
            settings["Sources:HuggingFace:MaxResponseBytes"] = maxResponseBytes;
        }

        return SourcesHost.Build(settings, _clock);
    }
}
