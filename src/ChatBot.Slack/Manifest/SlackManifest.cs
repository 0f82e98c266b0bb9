using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Commands;

namespace ChatBot.Slack.Manifest;

/// <summary>
/// A Slack app manifest (JSON, for "Create an app → From a manifest") generated from the command
/// catalog, so the slash commands Slack offers are exactly the ones the bot answers. Without a
/// <c>requestUrl</c> the app uses Socket Mode; with one, Slack posts to our HTTP endpoints instead.
/// </summary>
public static class SlackManifest
{
    public const string DefaultAppName = "Papers";

    /// <summary>Bot scopes: slash commands, posting (also to public channels the bot was not invited to), opening DMs.</summary>
    public static IReadOnlyList<string> BotScopes { get; } = ["commands", "chat:write", "chat:write.public", "im:write"];

    private const int MaxUsageHint = 1000;
    private const int MaxDescription = 2000;

    public static string Build(IReadOnlyList<CommandDefinition> commands, string appName = DefaultAppName, Uri? requestUrl = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        var baseUrl = requestUrl?.AbsoluteUri.TrimEnd('/');
        var slashCommands = new JsonArray();
        foreach (var command in commands)
        {
            var slash = new JsonObject
            {
                ["command"] = "/" + command.Name,
                ["description"] = Cut(command.Description, MaxDescription),
                ["usage_hint"] = Cut(UsageHint(command), MaxUsageHint),
                ["should_escape"] = false,
            };
            if (baseUrl is not null)
            {
                slash["url"] = baseUrl + "/slack/commands";
            }

            slashCommands.Add(slash);
        }

        var interactivity = new JsonObject { ["is_enabled"] = true };
        var settings = new JsonObject
        {
            ["interactivity"] = interactivity,
            ["org_deploy_enabled"] = false,
            ["socket_mode_enabled"] = baseUrl is null,
            ["token_rotation_enabled"] = false,
        };
        if (baseUrl is not null)
        {
            interactivity["request_url"] = baseUrl + "/slack/actions";
        }

        var manifest = new JsonObject
        {
            ["display_information"] = new JsonObject
            {
                ["name"] = appName,
                ["description"] = "Search, trending and daily threads of research papers.",
                ["background_color"] = "#1d3557",
            },
            ["features"] = new JsonObject
            {
                ["bot_user"] = new JsonObject { ["display_name"] = appName, ["always_online"] = true },
                ["slash_commands"] = slashCommands,
            },
            ["oauth_config"] = new JsonObject
            {
                ["scopes"] = new JsonObject { ["bot"] = new JsonArray([.. BotScopes.Select(s => (JsonNode?)JsonValue.Create(s))]) },
            },
            ["settings"] = settings,
        };
        // Relaxed escaping keeps <query> readable; the manifest is pasted into Slack, never into HTML.
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary><c>search &lt;query&gt; | trending [days] | …</c>: each subcommand with its first option.</summary>
    public static string UsageHint(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return string.Join(" | ", command.Subcommands.Select(s => s.Options.Count == 0
            ? s.Name
            : s.Options[0].Required ? $"{s.Name} <{s.Options[0].Placeholder}>" : $"{s.Name} [{s.Options[0].Placeholder}]"));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
