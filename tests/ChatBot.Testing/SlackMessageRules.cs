using System.Globalization;
using System.Text.Json;

namespace ChatBot.Testing;

/// <summary>
/// What Slack documents about a message body (<c>chat.postMessage</c>, <c>chat.update</c>, a <c>response_url</c>
/// post, a Socket Mode ack payload), as one-line violations. The numbers are Slack's own, written out here on
/// purpose (not the bot's constants):
/// <list type="bullet">
/// <item>https://api.slack.com/methods/chat.postMessage — <c>text</c> is the notification fallback when
/// <c>blocks</c> are present; text past 40,000 characters is refused (<c>msg_too_long</c>).</item>
/// <item>https://api.slack.com/reference/block-kit/blocks — up to 50 blocks per message; <c>block_id</c> ≤ 255;
/// section text 1–3000, fields ≤ 10 of ≤ 2000; header plain_text ≤ 150; context ≤ 10 elements; actions ≤ 25 elements.</item>
/// <item>https://api.slack.com/reference/block-kit/block-elements#button — button text plain_text ≤ 75,
/// <c>action_id</c> ≤ 255 (unique within its block), <c>value</c> ≤ 2000, <c>url</c> ≤ 3000, <c>style</c> primary|danger.</item>
/// <item>https://api.slack.com/reference/block-kit/composition-objects#text — a text object's text is 1–3000 characters.</item>
/// </list>
/// </summary>
public static class SlackMessageRules
{
    public const int MaxTextLength = 40_000;
    public const int MaxBlocks = 50;

    /// <summary>Violations of a message object; <paramref name="where"/> prefixes each line.</summary>
    public static IEnumerable<string> Check(string where, JsonElement message, bool requireText)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            yield return $"{where}: the message is a JSON {message.ValueKind}, not an object";
            yield break;
        }

        var hasText = message.TryGetProperty("text", out var text);
        if (hasText && text.ValueKind != JsonValueKind.String)
        {
            yield return $"{where}: text is a JSON {text.ValueKind}, not a string";
        }
        else if (hasText && text.GetString()!.Length > MaxTextLength)
        {
            yield return $"{where}: text of {text.GetString()!.Length} characters is past Slack's {MaxTextLength} (msg_too_long)";
        }

        var hasBlocks = message.TryGetProperty("blocks", out var blocks);
        if (requireText && (!hasText || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString())))
        {
            yield return $"{where}: no text; with blocks, text is the fallback for notifications and screen readers";
        }

        if (!hasBlocks)
        {
            yield break;
        }

        if (blocks.ValueKind != JsonValueKind.Array)
        {
            yield return $"{where}: blocks is a JSON {blocks.ValueKind}, not an array";
            yield break;
        }

        if (blocks.GetArrayLength() > MaxBlocks)
        {
            yield return $"{where}: {blocks.GetArrayLength()} blocks, past Slack's {MaxBlocks}";
        }

        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            foreach (var violation in CheckBlock(string.Create(CultureInfo.InvariantCulture, $"{where}: block {index}"), block))
            {
                yield return violation;
            }

            index++;
        }
    }

    private static IEnumerable<string> CheckBlock(string where, JsonElement block)
    {
        if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            yield return $"{where}: not an object with a type string";
            yield break;
        }

        if (block.TryGetProperty("block_id", out var blockId) && (blockId.ValueKind != JsonValueKind.String || blockId.GetString()!.Length > 255))
        {
            yield return $"{where}: block_id must be a string of at most 255 characters";
        }

        var type = typeElement.GetString();
        switch (type)
        {
            case "header":
                foreach (var v in TextObject(where + " header text", block, "text", 150, plainOnly: true, required: true))
                {
                    yield return v;
                }

                break;
            case "section":
                var hasFields = block.TryGetProperty("fields", out var fields);
                foreach (var v in TextObject(where + " section text", block, "text", 3000, plainOnly: false, required: !hasFields))
                {
                    yield return v;
                }

                if (hasFields)
                {
                    if (fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() > 10)
                    {
                        yield return $"{where}: section fields must be an array of at most 10";
                    }
                    else
                    {
                        foreach (var field in fields.EnumerateArray())
                        {
                            foreach (var v in Text(where + " section field", field, 2000, plainOnly: false))
                            {
                                yield return v;
                            }
                        }
                    }
                }

                break;
            case "context":
                if (!block.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array
                    || elements.GetArrayLength() is < 1 or > 10)
                {
                    yield return $"{where}: context elements must be an array of 1 to 10";
                    break;
                }

                foreach (var element in elements.EnumerateArray())
                {
                    foreach (var v in Text(where + " context element", element, 3000, plainOnly: false))
                    {
                        yield return v;
                    }
                }

                break;
            case "actions":
                if (!block.TryGetProperty("elements", out var actions) || actions.ValueKind != JsonValueKind.Array
                    || actions.GetArrayLength() is < 1 or > 25)
                {
                    yield return $"{where}: actions elements must be an array of 1 to 25";
                    break;
                }

                var actionIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var button in actions.EnumerateArray())
                {
                    foreach (var v in Button(where, button, actionIds))
                    {
                        yield return v;
                    }
                }

                break;
            case "divider":
                break;
            default:
                yield return $"{where}: block type '{type}' is not one this fake knows";
                break;
        }
    }

    private static IEnumerable<string> Button(string where, JsonElement button, HashSet<string> actionIds)
    {
        if (button.ValueKind != JsonValueKind.Object || !button.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            yield return $"{where}: an actions element is not an object with a type";
            yield break;
        }

        if (type.GetString() != "button")
        {
            yield break;
        }

        foreach (var v in TextObject(where + " button text", button, "text", 75, plainOnly: true, required: true))
        {
            yield return v;
        }

        if (button.TryGetProperty("action_id", out var actionId))
        {
            if (actionId.ValueKind != JsonValueKind.String || actionId.GetString()!.Length > 255)
            {
                yield return $"{where}: button action_id must be a string of at most 255 characters";
            }
            else if (!actionIds.Add(actionId.GetString()!))
            {
                yield return $"{where}: button action_id '{actionId.GetString()}' is not unique in its block";
            }
        }

        if (button.TryGetProperty("value", out var value) && (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > 2000))
        {
            yield return $"{where}: button value must be a string of at most 2000 characters";
        }

        if (button.TryGetProperty("url", out var url) && (url.ValueKind != JsonValueKind.String || url.GetString()!.Length > 3000))
        {
            yield return $"{where}: button url must be a string of at most 3000 characters";
        }

        if (button.TryGetProperty("style", out var style) && (style.ValueKind != JsonValueKind.String || style.GetString() is not ("primary" or "danger")))
        {
            yield return $"{where}: button style must be primary or danger";
        }
    }

    private static IEnumerable<string> TextObject(string where, JsonElement parent, string name, int max, bool plainOnly, bool required)
    {
        if (!parent.TryGetProperty(name, out var text))
        {
            if (required)
            {
                yield return $"{where}: missing";
            }

            yield break;
        }

        foreach (var v in Text(where, text, max, plainOnly))
        {
            yield return v;
        }
    }

    private static IEnumerable<string> Text(string where, JsonElement text, int max, bool plainOnly)
    {
        if (text.ValueKind != JsonValueKind.Object
            || !text.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not ("plain_text" or "mrkdwn")
            || !text.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
        {
            yield return $"{where}: not a text object (type plain_text or mrkdwn, text a string)";
            yield break;
        }

        if (plainOnly && type.GetString() != "plain_text")
        {
            yield return $"{where}: must be plain_text";
        }

        var length = value.GetString()!.Length;
        if (length is < 1 || length > max)
        {
            yield return $"{where}: {length} characters, outside Slack's 1 to {max}";
        }
    }
}
