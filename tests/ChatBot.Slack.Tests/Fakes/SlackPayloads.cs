using System.Text.Json;

namespace ChatBot.Slack.Tests.Fakes;

/// <summary>Payloads as Slack sends them (https://api.slack.com/interactivity/slash-commands, "app_payload" fields).</summary>
internal static class SlackPayloads
{
    /// <summary>A <c>/papers</c> slash command's Socket Mode payload from U2 in C1.</summary>
    public static string SlashCommand(SlackHarness slack, string text, string triggerId) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["token"] = "bHKJ2n9AW6Ju3MjciOHfbA1b",
        ["team_id"] = "T1",
        ["team_domain"] = "example",
        ["channel_id"] = "C1",
        ["channel_name"] = "papers",
        ["user_id"] = "U2",
        ["user_name"] = "alice",
        ["command"] = "/papers",
        ["text"] = text,
        ["api_app_id"] = "A1",
        ["is_enterprise_install"] = "false",
        ["response_url"] = slack.ResponseUrl.AbsoluteUri,
        ["trigger_id"] = triggerId,
    });
}
