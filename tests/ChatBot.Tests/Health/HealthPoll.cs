using System.Net;
using System.Text.Json.Nodes;

namespace ChatBot.Tests.Health;

/// <summary>Asks a running bot's health endpoint every 100 ms (up to 30 s) until its answer is what the test waits for.</summary>
internal static class HealthPoll
{
    public static async Task<(HttpStatusCode Status, JsonNode Body)> UntilAsync(HttpClient http, string path, Func<(HttpStatusCode Status, JsonNode Body), bool> done)
    {
        (HttpStatusCode, JsonNode)? last = null;
        for (var i = 0; i < 300; i++)
        {
            try
            {
                var response = await GetAsync(http, path);
                if (done(response))
                {
                    return response;
                }

                last = response;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{path} never reached the expected state; last: {last}");
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
