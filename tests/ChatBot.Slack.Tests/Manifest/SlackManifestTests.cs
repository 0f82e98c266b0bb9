using System.Text.Json;
using ChatBot.Core.Commands;
using ChatBot.Slack.Manifest;

namespace ChatBot.Slack.Tests.Manifest;

public sealed class SlackManifestTests
{
    [Fact]
    public void The_manifest_offers_papers_with_its_usage_hint_and_turns_socket_mode_on()
    {
        using var manifest = JsonDocument.Parse(SlackManifest.Build(CommandCatalog.All));

        var root = manifest.RootElement;
        var commands = root.GetProperty("features").GetProperty("slash_commands").EnumerateArray().ToList();
        Assert.Equal(["/papers", "/papers-admin", "/alerts"], commands.Select(c => c.GetProperty("command").GetString()));
        var command = commands[0];
        Assert.StartsWith("daily set <time>", commands[1].GetProperty("usage_hint").GetString(), StringComparison.Ordinal);
        Assert.Equal(SlackManifest.UsageHint(CommandCatalog.Papers), command.GetProperty("usage_hint").GetString());
        Assert.StartsWith("search <query> | trending [days] | show <id>", command.GetProperty("usage_hint").GetString(), StringComparison.Ordinal);
        Assert.False(command.GetProperty("should_escape").GetBoolean());
        Assert.False(command.TryGetProperty("url", out _));
        Assert.True(root.GetProperty("settings").GetProperty("socket_mode_enabled").GetBoolean());
        Assert.True(root.GetProperty("settings").GetProperty("interactivity").GetProperty("is_enabled").GetBoolean());
        var scopes = root.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("commands", scopes);
        Assert.Contains("chat:write", scopes);
        Assert.Contains("im:write", scopes);
        Assert.Equal("Papers", root.GetProperty("features").GetProperty("bot_user").GetProperty("display_name").GetString());
    }

    [Fact]
    public void With_a_request_url_the_manifest_points_Slack_at_the_HTTP_endpoints()
    {
        using var manifest = JsonDocument.Parse(SlackManifest.Build(CommandCatalog.All, "Paper Bot", new Uri("https://bot.example.com/")));

        var root = manifest.RootElement;
        Assert.False(root.GetProperty("settings").GetProperty("socket_mode_enabled").GetBoolean());
        Assert.Equal("https://bot.example.com/slack/commands", root.GetProperty("features").GetProperty("slash_commands")[0].GetProperty("url").GetString());
        Assert.Equal("https://bot.example.com/slack/actions", root.GetProperty("settings").GetProperty("interactivity").GetProperty("request_url").GetString());
        Assert.Equal("Paper Bot", root.GetProperty("display_information").GetProperty("name").GetString());
    }
}
