using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBot.Testing;

/// <summary>
/// What Discord's REST API documents for the requests a bot sends, checked on what a
/// <see cref="LoopbackHttpServer"/> recorded: one line per broken rule, naming the request. The
/// REST fakes report these as protocol violations, so a test fails on a request the real API
/// would refuse (or, for <c>allowed_mentions</c>, one our own rule forbids) even when the fake's
/// scripted answer let it through.
/// </summary>
/// <remarks>
/// Sources: https://discord.com/developers/docs/reference#user-agent and #authentication;
/// https://discord.com/developers/docs/resources/message#create-message (content 2000, embeds 10,
/// allowed_mentions, flags, nonce up to 25 characters, enforce_nonce a boolean); https://discord.com/developers/docs/resources/message#embed-object-embed-limits;
/// https://discord.com/developers/docs/resources/message#allowed-mentions-object (parse is
/// mutually exclusive with users/roles); https://discord.com/developers/docs/components/reference
/// (5 action rows of 5 buttons, custom_id 100, label 80); https://discord.com/developers/docs/resources/channel#start-thread-from-message;
/// https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction.
/// ChatBot's own rule: every message body carries <c>allowed_mentions</c>, so a paper's text can never ping anyone.
/// </remarks>
public static partial class DiscordRestRules
{
    public const string ApiPrefix = "/api/v10/";

    private static readonly HashSet<int> ArchiveDurations = [60, 1440, 4320, 10080];
    private static readonly HashSet<string> MentionKinds = ["users", "roles", "everyone"];
    private static readonly HashSet<int> CallbackTypes = [1, 4, 5, 6, 7, 8, 9, 10, 12];

    /// <summary>The documented rules <paramref name="request"/> breaks (nothing for requests outside <see cref="ApiPrefix"/>).</summary>
    public static IEnumerable<string> Check(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return [];
        }

        var route = request.Path[ApiPrefix.Length..];
        var what = $"{request.Method} {Template(route)}";
        var problems = new List<string>();
        if (!(request.Header("User-Agent") ?? "").StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            problems.Add("User-Agent is not 'DiscordBot ($url, $versionNumber)'");
        }

        var tokenInPath = route.StartsWith("interactions/", StringComparison.Ordinal) || route.StartsWith("webhooks/", StringComparison.Ordinal);
        if (!tokenInPath && !(request.Header("Authorization") ?? "").StartsWith("Bot ", StringComparison.Ordinal))
        {
            problems.Add("no 'Authorization: Bot <token>' header");
        }

        JsonNode? body = null;
        if (request.Body.Length > 0)
        {
            if (!(request.Header("Content-Type") ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("a body that is not application/json");
            }

            try
            {
                body = JsonNode.Parse(request.Body);
            }
            catch (JsonException)
            {
                problems.Add("a body that is not JSON");
            }
        }

        if (body is not null)
        {
            CheckBody(request.Method, route, body, problems);
        }

        return problems.Select(problem => $"{what}: {problem}");
    }

    /// <summary>An interaction response (the callback body, or the HTTP endpoint's inline answer).</summary>
    public static IEnumerable<string> CheckInteractionResponse(JsonNode? response)
    {
        var problems = new List<string>();
        CheckCallback(response, problems);
        return problems;
    }

    private static void CheckBody(string method, string route, JsonNode body, List<string> problems)
    {
        var isPost = method == "POST";
        if (isPost && ChannelMessages().IsMatch(route))
        {
            CheckMessage(body, problems, create: true, interaction: false);
        }
        else if (method == "PATCH" && (ChannelMessage().IsMatch(route) || WebhookMessage().IsMatch(route)))
        {
            CheckMessage(body, problems, create: false, interaction: WebhookMessage().IsMatch(route));
        }
        else if (isPost && Webhook().IsMatch(route))
        {
            CheckMessage(body, problems, create: true, interaction: true);
        }
        else if (isPost && Callback().IsMatch(route))
        {
            CheckCallback(body, problems);
        }
        else if (isPost && ThreadFromMessage().IsMatch(route))
        {
            CheckThread(body, problems);
        }
        else if (isPost && ThreadWithoutMessage().IsMatch(route))
        {
            CheckThread(body, problems);
            if (body["message"] is { } message)
            {
                CheckMessage(message, problems, create: true, interaction: false);
            }
        }
    }

    private static void CheckCallback(JsonNode? body, List<string> problems)
    {
        if (body is not JsonObject callback || !TryInt(callback["type"], out var type) || !CallbackTypes.Contains(type))
        {
            problems.Add("an interaction response without a valid 'type'");
            return;
        }

        var data = callback["data"];
        switch (type)
        {
            case 4 or 7:
                if (data is null)
                {
                    problems.Add($"an interaction response of type {type} without message 'data'");
                }
                else
                {
                    CheckMessage(data, problems, create: type == 4, interaction: true);
                }

                break;
            case 5:
                // Only EPHEMERAL is valid with a deferred message.
                if (data is JsonObject deferred && (deferred.Any(p => p.Key != "flags") || (TryInt(deferred["flags"], out var flags) && (flags & ~64) != 0)))
                {
                    problems.Add("a deferred response (type 5) whose data holds more than the ephemeral flag");
                }

                break;
            case 1 or 6:
                if (data is not null)
                {
                    problems.Add($"an interaction response of type {type} with 'data'");
                }

                break;
            default:
                break;
        }
    }

    private static void CheckThread(JsonNode body, List<string> problems)
    {
        var name = (body["name"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;
        if (name is null || name.Length is < 1 or > 100)
        {
            problems.Add("a thread 'name' that is not 1-100 characters");
        }

        if (body["auto_archive_duration"] is { } duration && (!TryInt(duration, out var minutes) || !ArchiveDurations.Contains(minutes)))
        {
            problems.Add("an 'auto_archive_duration' other than 60, 1440, 4320 or 10080");
        }
    }

    private static void CheckMessage(JsonNode node, List<string> problems, bool create, bool interaction)
    {
        if (node is not JsonObject message)
        {
            problems.Add("a message that is not a JSON object");
            return;
        }

        CheckAllowedMentions(message["allowed_mentions"], problems);
        var content = Text(message["content"]);
        if (content is { Length: > 2000 })
        {
            problems.Add($"'content' of {content.Length} characters (Discord allows 2000)");
        }

        var embeds = message["embeds"] as JsonArray ?? [];
        var components = message["components"] as JsonArray ?? [];
        if (create && string.IsNullOrEmpty(content) && embeds.Count == 0 && components.Count == 0 && message["attachments"] is null && message["sticker_ids"] is null)
        {
            problems.Add("an empty message (no content, embeds or components)");
        }

        CheckEmbeds(embeds, problems);
        CheckComponents(components, problems);
        if (message["nonce"] is { } nonce && !(Text(nonce) is { Length: <= 25 } || (nonce is JsonValue number && number.GetValueKind() == JsonValueKind.Number)))
        {
            problems.Add("a 'nonce' that is neither an integer nor a string of up to 25 characters");
        }

        if (message["enforce_nonce"] is { } enforce && enforce.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add("an 'enforce_nonce' that is not a boolean");
        }

        if (TryInt(message["flags"], out var flags) && !interaction && (flags & 64) != 0)
        {
            problems.Add("the EPHEMERAL flag on a channel message (only interaction responses may be ephemeral)");
        }
    }

    private static void CheckAllowedMentions(JsonNode? node, List<string> problems)
    {
        if (node is null)
        {
            problems.Add("a message without 'allowed_mentions' (ChatBot sends {\"parse\":[]} so nothing can ping)");
            return;
        }

        if (node is not JsonObject mentions)
        {
            problems.Add("'allowed_mentions' that is not an object");
            return;
        }

        var parse = mentions["parse"] as JsonArray;
        var kinds = parse?.Select(Text).ToList() ?? [];
        if (kinds.Any(kind => kind is null || !MentionKinds.Contains(kind)))
        {
            problems.Add("'allowed_mentions.parse' holds something other than users, roles or everyone");
        }

        foreach (var list in new[] { "users", "roles" })
        {
            if (kinds.Contains(list) && mentions[list] is JsonArray { Count: > 0 })
            {
                problems.Add($"'allowed_mentions' has both parse:{list} and a {list} list (mutually exclusive)");
            }
        }
    }

    private static void CheckEmbeds(JsonArray embeds, List<string> problems)
    {
        if (embeds.Count > 10)
        {
            problems.Add($"{embeds.Count} embeds (Discord allows 10)");
        }

        var total = 0;
        foreach (var embed in embeds.OfType<JsonObject>())
        {
            total += Limit(embed["title"], 256, "embed title", problems);
            total += Limit(embed["description"], 4096, "embed description", problems);
            total += Limit(embed["footer"]?["text"], 2048, "embed footer", problems);
            total += Limit(embed["author"]?["name"], 256, "embed author name", problems);
            var fields = embed["fields"] as JsonArray ?? [];
            if (fields.Count > 25)
            {
                problems.Add($"an embed with {fields.Count} fields (Discord allows 25)");
            }

            foreach (var field in fields.OfType<JsonObject>())
            {
                total += Limit(field["name"], 256, "embed field name", problems);
                total += Limit(field["value"], 1024, "embed field value", problems);
            }
        }

        if (total > 6000)
        {
            problems.Add($"embeds of {total} characters in all (Discord allows 6000)");
        }
    }

    private static void CheckComponents(JsonArray rows, List<string> problems)
    {
        if (rows.Count > 5)
        {
            problems.Add($"{rows.Count} action rows (Discord allows 5)");
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.OfType<JsonObject>())
        {
            var buttons = row["components"] as JsonArray ?? [];
            if (buttons.Count is < 1 or > 5)
            {
                problems.Add($"an action row of {buttons.Count} components (Discord allows 1-5)");
            }

            foreach (var button in buttons.OfType<JsonObject>())
            {
                Limit(button["label"], 80, "button label", problems);
                if (Text(button["custom_id"]) is { } customId && (customId.Length is < 1 or > 100 || !customIds.Add(customId)))
                {
                    problems.Add("a button custom_id that is not 1-100 characters or not unique in the message");
                }
            }
        }
    }

    private static int Limit(JsonNode? node, int max, string what, List<string> problems)
    {
        var text = Text(node);
        if (text is { } value && value.Length > max)
        {
            problems.Add($"{what} of {value.Length} characters (Discord allows {max})");
        }

        return text?.Length ?? 0;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out value);
    }

    /// <summary>The route with ids and tokens replaced, so a violation never shows an interaction token.</summary>
    private static string Template(string route) =>
        string.Join('/', route.Split('/').Select((segment, i) => i == 0 || segment is "messages" or "threads" or "callback" or "commands" or "guilds" or "channels" or "@me" or "@original" ? segment : "{}"));

    [GeneratedRegex("^channels/[^/]+/messages$")]
    private static partial Regex ChannelMessages();

    [GeneratedRegex("^channels/[^/]+/messages/[^/]+$")]
    private static partial Regex ChannelMessage();

    [GeneratedRegex("^webhooks/[^/]+/[^/]+$")]
    private static partial Regex Webhook();

    [GeneratedRegex("^webhooks/[^/]+/[^/]+/messages/[^/]+$")]
    private static partial Regex WebhookMessage();

    [GeneratedRegex("^interactions/[^/]+/[^/]+/callback$")]
    private static partial Regex Callback();

    [GeneratedRegex("^channels/[^/]+/messages/[^/]+/threads$")]
    private static partial Regex ThreadFromMessage();

    [GeneratedRegex("^channels/[^/]+/threads$")]
    private static partial Regex ThreadWithoutMessage();
}
