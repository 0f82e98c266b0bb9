using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// The newest submissions in the configured arXiv categories, read page by page from the arXiv
/// API. Requests go one at a time and at least <see cref="ArxivSourceOptions.RequestSpacing"/>
/// apart (measured from the end of the previous one, across fetches), as arXiv's terms ask.
/// A paper met twice in one fetch (pages shift while new papers arrive) is yielded once. A whole fetch gets
/// <see cref="ArxivSourceOptions.FetchTimeout"/>, a response at most <see cref="ArxivSourceOptions.MaxResponseBytes"/>;
/// stopping the host cancels it at once, the wait between requests included.
/// </summary>
internal sealed class ArxivSource(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ArxivSourceOptions> options,
    TimeProvider timeProvider,
    ILogger<ArxivSource> logger) : IPaperSource, IDisposable
{
    public const string HttpClientName = "ChatBot.Sources.Arxiv";

    /// <summary>The query API, relative to <see cref="ArxivSourceOptions.BaseUrl"/>.</summary>
    internal const string QueryPath = "api/query";

    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private readonly SemaphoreSlim _requestGate = new(1, 1);
    private long? _lastRequestEnded;

    public string Name => PaperSources.Arxiv;

    public async IAsyncEnumerable<PaperBatch> FetchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            logger.SourceDisabled(Name);
            yield break;
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var deadline = new FetchDeadline(settings.FetchTimeout, timeProvider, "The arXiv fetch", "Sources:Arxiv:FetchTimeout", cancellationToken);
        var searchQuery = BuildSearchQuery(settings.EffectiveCategories);
        var seen = new HashSet<PaperId>();
        for (var start = 0; start < settings.MaxResults;)
        {
            var count = Math.Min(settings.PageSize, settings.MaxResults - start);
            var uri = new Uri(
                SourceUris.WithTrailingSlash(settings.BaseUrl),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{QueryPath}?search_query={searchQuery}&sortBy=submittedDate&sortOrder=descending&start={start}&max_results={count}"));
            var content = await deadline.RunAsync(token => GetSpacedAsync(client, uri, settings, token));

            var origin = string.Create(CultureInfo.InvariantCulture, $"{Name} start={start}");
            var entries = CountEntries(content);
            var result = ArxivAtomParser.Parse(content, origin);
            logger.SourcePageFetched(origin, entries, result.Papers.Count, result.Rejections.Count);

            var fresh = result.Papers.Where(paper => seen.Add(KeyOf(paper))).ToArray();
            if (fresh.Length < result.Papers.Count)
            {
                logger.ArxivDuplicatesSkipped(origin, result.Papers.Count - fresh.Length);
            }

            if (fresh.Length > 0 || result.Rejections.Count > 0)
            {
                yield return new PaperBatch(origin, fresh, result.Rejections);
            }

            if (entries == 0)
            {
                break;
            }

            start += entries;
        }
    }

    public void Dispose() => _requestGate.Dispose();

    /// <summary>
    /// <c>cat:cs.CL OR cat:cs.CV</c>, encoded the way arXiv's manual writes it
    /// (<c>cat:cs.CL+OR+cat:cs.CV</c>): spaces as <c>+</c>, everything else percent-encoded.
    /// </summary>
    internal static string BuildSearchQuery(IEnumerable<string> categories) =>
        Uri.EscapeDataString(string.Join(" OR ", categories.Select(category => "cat:" + category)))
            .Replace("%20", "+", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal);

    private async Task<string> GetSpacedAsync(HttpClient client, Uri uri, ArxivSourceOptions settings, CancellationToken cancellationToken)
    {
        var spacing = settings.RequestSpacing;
        await _requestGate.WaitAsync(cancellationToken);
        try
        {
            if (_lastRequestEnded is { } ended)
            {
                var wait = spacing - timeProvider.GetElapsedTime(ended);
                if (wait > TimeSpan.Zero)
                {
                    logger.ArxivWaitingForSpacing(wait);
                    await Task.Delay(wait, timeProvider, cancellationToken);
                }
            }

            try
            {
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException(
                        $"arXiv answered {(int)response.StatusCode} {response.ReasonPhrase} for {uri}.",
                        inner: null,
                        response.StatusCode);
                }

                return await SourceDownload.ReadTextAsync(response, settings.MaxResponseBytes, "Sources:Arxiv:MaxResponseBytes", cancellationToken);
            }
            finally
            {
                _lastRequestEnded = timeProvider.GetTimestamp();
            }
        }
        finally
        {
            _requestGate.Release();
        }
    }

    private static PaperId KeyOf(Paper paper) =>
        paper.ArxivId is { } arxivId && PaperId.TryParse(arxivId, out var id) ? id : paper.Id;

    /// <summary>How many entries the feed holds, read or not: an empty page ends the fetch.</summary>
    private static int CountEntries(string content)
    {
        var count = 0;
        try
        {
            using var reader = XmlReader.Create(
                new StringReader(content),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, Depth: 1, LocalName: "entry", NamespaceURI: AtomNamespace })
                {
                    count++;
                }
            }
        }
        catch (XmlException)
        {
            // Count what was readable; the parser reports what is wrong with the rest.
        }

        return count;
    }
}
