using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Discord.Rest;

/// <summary>
/// Discord's error body, <c>{code, message, errors?}</c>, or a 429's <c>{message, retry_after, global}</c>.
/// <see cref="Details"/> flattens the <c>errors</c> tree (<c>embeds.0.title: Must be 256 or fewer in length.</c>).
/// </summary>
internal sealed record DiscordError(string? Code, string? Message, TimeSpan? RetryAfter, bool Global, IReadOnlyList<string> Details)
{
    public const string CannotSendMessagesToThisUser = "50007";

    /// <summary>"A thread has already been created for this message."</summary>
    public const string ThreadAlreadyCreatedForMessage = "160004";

    private const int MaxDetails = 3;

    private static readonly DiscordError Unreadable = new(null, null, null, false, []);

    public static DiscordError Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Unreadable;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Unreadable;
        }

        if (node is not JsonObject error)
        {
            return Unreadable;
        }

        var code = error["code"] is JsonValue codeValue && codeValue.TryGetValue<long>(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;
        var retryAfter = error["retry_after"] is JsonValue retryValue && retryValue.TryGetValue<double>(out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        var global = error["global"] is JsonValue globalValue && globalValue.TryGetValue<bool>(out var isGlobal) && isGlobal;
        var details = new List<string>();
        if (error["errors"] is JsonObject tree)
        {
            Flatten(tree, "", details);
        }

        return new DiscordError(code, error["message"] is JsonValue message && message.TryGetValue<string>(out var text) ? text : null, retryAfter, global, details);
    }

    /// <summary>Discord's message and the first few field errors, or the HTTP reason when the body said nothing.</summary>
    public string Describe(string? reasonPhrase)
    {
        var text = Message ?? reasonPhrase ?? "no error message";
        return Details.Count == 0 ? text : $"{text} ({string.Join("; ", Details)})";
    }

    private static void Flatten(JsonObject node, string path, List<string> details)
    {
        foreach (var (name, child) in node)
        {
            if (details.Count >= MaxDetails)
            {
                return;
            }

            if (name == "_errors" && child is JsonArray errors)
            {
                foreach (var item in errors)
                {
                    if (details.Count < MaxDetails && (string?)item?["message"] is { } message)
                    {
                        details.Add(path.Length == 0 ? message : $"{path}: {message}");
                    }
                }
            }
            else if (child is JsonObject nested)
            {
                Flatten(nested, path.Length == 0 ? name : $"{path}.{name}", details);
            }
        }
    }
}
