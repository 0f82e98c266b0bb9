using System.Globalization;
using System.Net;
using System.Text;
using ChatBot.Slack.Http;

namespace ChatBot.Tests;

/// <summary>Posts a slash command to the running bot's <c>/slack/commands</c> the way Slack does: form-encoded and signed.</summary>
internal static class SlackSlashCommand
{
    /// <summary>
    /// Sends <c>/<paramref name="command"/> <paramref name="text"/></c> from user U1 in C1; asserts 200 and returns the reply body
    /// (empty when the bot deferred: the reply then goes to <paramref name="responseUrl"/>). Slack gives every command its own
    /// <paramref name="triggerId"/> (PROTOCOLS.md 2.1: single-use).
    /// </summary>
    public static async Task<string> PostAsync(HttpClient http, string signingSecret, string command, string text, Uri? responseUrl = null, string triggerId = "t1")
    {
        var body = "command=%2F" + command + "&text=" + Uri.EscapeDataString(text) + "&user_id=U1&user_name=ada&team_id=T1&channel_id=C1&response_url="
            + Uri.EscapeDataString((responseUrl ?? new Uri("http://127.0.0.1:9/unused")).AbsoluteUri) + "&trigger_id=" + Uri.EscapeDataString(triggerId);
        // Signed for now: the bot refuses a timestamp more than a few minutes off its clock.
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(signingSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
