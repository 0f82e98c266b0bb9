using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// The Hugging Face daily papers list: today (UTC, from the injected clock) and
/// <see cref="HuggingFaceSourceOptions.PastDays"/> days before, newest first, one
/// <see cref="PaperBatch"/> per page. Retries (5xx, 429 with <c>Retry-After</c>) happen in the
/// resilience handler of the <see cref="HttpClientName"/> client; what still fails is thrown. A whole fetch
/// gets <see cref="HuggingFaceSourceOptions.FetchTimeout"/>, a response at most
/// <see cref="HuggingFaceSourceOptions.MaxResponseBytes"/>; stopping the host cancels it at once.
/// </summary>
internal sealed class HuggingFaceDailyPapersSource(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<HuggingFaceSourceOptions> options,
    TimeProvider timeProvider,
    ILogger<HuggingFaceDailyPapersSource> logger) : IPaperSource
{
    public const string HttpClientName = "ChatBot.Sources.HuggingFace";

    /// <summary>The daily papers list, relative to <see cref="HuggingFaceSourceOptions.BaseUrl"/>.</summary>
    internal const string DailyPapersPath = "api/daily_papers";

    /// <summary>A day has a few dozen papers; this many full pages means something is off.</summary>
    internal const int MaxPagesPerDate = 20;

    public string Name => PaperSources.HuggingFace;

    public async IAsyncEnumerable<PaperBatch> FetchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            logger.SourceDisabled(Name);
            yield break;
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var deadline = new FetchDeadline(settings.FetchTimeout, timeProvider, "The Hugging Face fetch", "Sources:HuggingFace:FetchTimeout", cancellationToken);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        for (var daysBack = 0; daysBack <= settings.PastDays; daysBack++)
        {
            var date = today.AddDays(-daysBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var page = 0; ; page++)
            {
                if (page == MaxPagesPerDate)
                {
                    logger.HuggingFacePageCapReached(date, MaxPagesPerDate);
                    break;
                }

                var content = await deadline.RunAsync(token => GetPageAsync(client, settings, date, page, token));
                if (content is null)
                {
                    logger.HuggingFaceDateNotOpen(date);
                    break;
                }

                var origin = string.Create(CultureInfo.InvariantCulture, $"{Name} {date} p{page}");
                var items = CountItems(content);
                var result = HuggingFaceDailyJsonParser.Parse(content, origin);
                logger.SourcePageFetched(origin, items, result.Papers.Count, result.Rejections.Count);

                // An empty list (weekends, or a last page that was exactly full) is normal and
                // carries nothing to store.
                if (result.Papers.Count > 0 || result.Rejections.Count > 0)
                {
                    yield return PaperBatch.From(origin, result);
                }

                if (items < settings.PageSize)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The page's JSON, or null when Hugging Face answers 400 (a date it has not opened yet).</summary>
    private static async Task<string?> GetPageAsync(
        HttpClient client, HuggingFaceSourceOptions settings, string date, int page, CancellationToken cancellationToken)
    {
        var uri = new Uri(
            SourceUris.WithTrailingSlash(settings.BaseUrl),
            string.Create(CultureInfo.InvariantCulture, $"{DailyPapersPath}?date={date}&limit={settings.PageSize}&p={page}"));

        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Hugging Face answered {(int)response.StatusCode} {response.ReasonPhrase} for {uri}.",
                inner: null,
                response.StatusCode);
        }

        return await SourceDownload.ReadTextAsync(response, settings.MaxResponseBytes, "Sources:HuggingFace:MaxResponseBytes", cancellationToken);
    }

    /// <summary>How many items the page holds, read or not: paging stops at the first short page.</summary>
    private static int CountItems(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 0;
        }
        catch (JsonException)
        {
            return 0; // the parser reports what is wrong with it
        }
    }
}
