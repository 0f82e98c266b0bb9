using System.Net.Http.Headers;
using ChatBot.Core.Doctor;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// The doctor's one cheap request to a source's API: a GET without the fetch clients' retries (the doctor's
/// time limit bounds it), judged by its status and by whether the body <see cref="LooksRight"/>. Every
/// failure comes down to the base URL or the network, so all share one <see cref="Fix"/>. <see cref="Expected"/>
/// says what the body should be, for the row ("the daily papers list").
/// </summary>
internal sealed record SourceProbe(string Check, Uri BaseUrl, Uri Uri, string Accept, string Expected, Func<string, bool> LooksRight, string Fix)
{
    public const string HttpClientName = "ChatBot.Sources.Doctor";

    /// <summary>The probe asks for one item; a body past this is not buffered (the request fails instead).</summary>
    public const long MaxResponseBytes = 4L * 1024 * 1024;

    public async Task<CheckResult> RunAsync(HttpClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Accept));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return CheckResult.Fail(Check, $"{BaseUrl} did not answer: {e.Message}", Fix);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return CheckResult.Fail(Check, $"{BaseUrl} answered HTTP {status} {response.ReasonPhrase} to GET {Uri.PathAndQuery}", Fix);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return LooksRight(body)
                ? CheckResult.Pass(Check, $"{BaseUrl} answers (HTTP {status}, {Expected})")
                : CheckResult.Fail(Check, $"{BaseUrl} answered HTTP {status}, but not with {Expected}", Fix);
        }
    }
}
