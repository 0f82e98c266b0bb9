using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.Health;

/// <summary>Asks a running bot's health endpoint (up to 30 s, <see cref="Poll"/>) until its answer is what the test waits for.</summary>
internal static class HealthPoll
{
    public static async Task<(HttpStatusCode Status, JsonNode Body)> UntilAsync(HttpClient http, string path, Func<(HttpStatusCode Status, JsonNode Body), bool> done)
    {
        (HttpStatusCode Status, JsonNode Body)? last = null;
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    last = await GetAsync(http, path);
                    return done(last.Value);
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            },
            TimeSpan.FromSeconds(30),
            () => $"{path} to reach the expected state; last: {last}");
        return last!.Value;
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
