using System.Text.Json.Nodes;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// The limits a message must keep to be accepted (PROTOCOLS.md §1.6 for Discord, §2.6 for Slack); each broken limit
/// is one description. Discord messages must also carry <c>allowed_mentions</c> with an empty <c>parse</c>, the bot's
/// own rule that nothing in a paper can ping anyone.
/// </summary>
internal static class MessageChecks
{
    public static IEnumerable<string> Discord(JsonNode? message)
    {
        if (message is not JsonObject data)
        {
            yield return "message data is not an object";
            yield break;
        }

        if (data["allowed_mentions"]?["parse"] is not JsonArray { Count: 0 })
        {
            yield return "message without allowed_mentions {parse: []}";
        }

        var content = Text(data["content"]);
        var embeds = data["embeds"] as JsonArray ?? [];
        if (content.Length == 0 && embeds.Count == 0)
        {
            yield return "empty message (no content, no embeds)";
        }

        if (content.Length > 2000)
        {
            yield return $"content of {content.Length} characters (limit 2000)";
        }

        if (embeds.Count > 10)
        {
            yield return $"{embeds.Count} embeds (limit 10)";
        }

        var total = 0;
        foreach (var embed in embeds.OfType<JsonObject>())
        {
            total += Over(embed["title"], 256, "embed title", out var title) + Over(embed["description"], 4096, "embed description", out var description)
                + Over(embed["footer"]?["text"], 2048, "embed footer", out var footer) + Over(embed["author"]?["name"], 256, "embed author", out var author);
            foreach (var problem in new[] { title, description, footer, author }.OfType<string>())
            {
                yield return problem;
            }

            var fields = embed["fields"] as JsonArray ?? [];
            if (fields.Count > 25)
            {
                yield return $"{fields.Count} embed fields (limit 25)";
            }

            foreach (var field in fields.OfType<JsonObject>())
            {
                total += Over(field["name"], 256, "field name", out var name) + Over(field["value"], 1024, "field value", out var value);
                foreach (var problem in new[] { name, value }.OfType<string>())
                {
                    yield return problem;
                }
            }
        }

        if (total > 6000)
        {
            yield return $"embeds of {total} characters in all (limit 6000)";
        }

        var rows = data["components"] as JsonArray ?? [];
        if (rows.Count > 5)
        {
            yield return $"{rows.Count} action rows (limit 5)";
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.OfType<JsonObject>())
        {
            var buttons = row["components"] as JsonArray ?? [];
            if (buttons.Count > 5)
            {
                yield return $"{buttons.Count} buttons in a row (limit 5)";
            }

            foreach (var button in buttons.OfType<JsonObject>())
            {
                var customId = Text(button["custom_id"]);
                if (button["url"] is null && (customId.Length is 0 or > 100 || !customIds.Add(customId)))
                {
                    yield return $"button custom_id '{customId}' empty, over 100 characters or repeated";
                }

                if (Text(button["label"]).Length > 80)
                {
                    yield return "button label over 80 characters";
                }

                if (Text(button["url"]).Length > 512)
                {
                    yield return "link button url over 512 characters";
                }
            }
        }
    }

    public static IEnumerable<string> Slack(JsonNode? message)
    {
        if (message is not JsonObject payload)
        {
            yield return "message is not an object";
            yield break;
        }

        var blocks = payload["blocks"] as JsonArray ?? [];
        if (Text(payload["text"]).Length == 0 && blocks.Count == 0)
        {
            yield return "message without text or blocks";
        }

        if (blocks.Count > 50)
        {
            yield return $"{blocks.Count} blocks (limit 50)";
        }

        foreach (var block in blocks.OfType<JsonObject>())
        {
            var type = Text(block["type"]);
            if (Text(block["block_id"]).Length > 255)
            {
                yield return "block_id over 255 characters";
            }

            switch (type)
            {
                case "section":
                    if (Text(block["text"]?["text"]).Length > 3000)
                    {
                        yield return "section text over 3000 characters";
                    }

                    var fields = block["fields"] as JsonArray ?? [];
                    if (fields.Count > 10 || fields.Any(f => Text(f?["text"]).Length > 2000))
                    {
                        yield return "section fields over 10 or over 2000 characters each";
                    }

                    break;
                case "header":
                    if (Text(block["text"]?["text"]).Length > 150)
                    {
                        yield return "header over 150 characters";
                    }

                    break;
                case "actions":
                    var elements = block["elements"] as JsonArray ?? [];
                    if (elements.Count > 25)
                    {
                        yield return $"{elements.Count} elements in an actions block (limit 25)";
                    }

                    foreach (var element in elements.OfType<JsonObject>())
                    {
                        if (Text(element["text"]?["text"]).Length > 75 || Text(element["action_id"]).Length > 255
                            || Text(element["value"]).Length > 2000 || Text(element["url"]).Length > 3000)
                        {
                            yield return "button text, action_id, value or url over its limit";
                        }
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static int Over(JsonNode? node, int limit, string what, out string? problem)
    {
        var text = Text(node);
        problem = text.Length > limit ? $"{what} of {text.Length} characters (limit {limit})" : null;
        return text.Length;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
