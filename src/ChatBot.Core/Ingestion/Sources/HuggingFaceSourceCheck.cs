using System.Text.Json;
using ChatBot.Core.Doctor;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>Doctor: when the Hugging Face source is on, its daily papers list answers (one item asked for).</summary>
internal sealed class HuggingFaceSourceCheck(IHttpClientFactory httpClientFactory, IOptionsMonitor<HuggingFaceSourceOptions> options) : IDoctorCheck
{
    private const string Fix =
        "Check Sources:HuggingFace:BaseUrl (default https://huggingface.co) and that this machine can reach it, or turn the source off with Sources__HuggingFace__Enabled=false.";

    public string Name => "Hugging Face";

    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return null;
        }

        var uri = new Uri(SourceUris.WithTrailingSlash(settings.BaseUrl), HuggingFaceDailyPapersSource.DailyPapersPath + "?limit=1");
        var probe = new SourceProbe(Name, settings.BaseUrl, uri, "application/json", "the daily papers list", IsJsonArray, Fix);
        return await probe.RunAsync(httpClientFactory.CreateClient(SourceProbe.HttpClientName), cancellationToken);
    }

    private static bool IsJsonArray(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
