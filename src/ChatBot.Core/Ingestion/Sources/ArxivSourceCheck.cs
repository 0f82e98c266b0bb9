using System.Xml;
using ChatBot.Core.Doctor;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>Doctor: when the arXiv source is on, its query API answers with an Atom feed (no entries asked for).</summary>
internal sealed class ArxivSourceCheck(IHttpClientFactory httpClientFactory, IOptionsMonitor<ArxivSourceOptions> options) : IDoctorCheck
{
    private const string Fix =
        "Check Sources:Arxiv:BaseUrl (default https://export.arxiv.org) and that this machine can reach it, or turn the source off with Sources__Arxiv__Enabled=false.";

    public string Name => "arXiv";

    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return null;
        }

        var query = ArxivSource.BuildSearchQuery(settings.EffectiveCategories.Take(1));
        var uri = new Uri(SourceUris.WithTrailingSlash(settings.BaseUrl), $"{ArxivSource.QueryPath}?search_query={query}&max_results=0");
        var probe = new SourceProbe(Name, settings.BaseUrl, uri, "application/atom+xml", "an Atom feed", IsAtomFeed, Fix);
        return await probe.RunAsync(httpClientFactory.CreateClient(SourceProbe.HttpClientName), cancellationToken);
    }

    private static bool IsAtomFeed(string body)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            return reader.MoveToContent() == XmlNodeType.Element && reader is { LocalName: "feed", NamespaceURI: ArxivSource.AtomNamespace };
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
