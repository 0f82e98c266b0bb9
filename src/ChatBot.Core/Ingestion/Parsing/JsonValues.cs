using System.Text.Json;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads optional JSON properties without throwing: a missing value or one of another type is unknown.</summary>
internal static class JsonValues
{
    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A non-blank string, with whitespace folded; otherwise null.</summary>
    public static string? FoldedText(JsonElement parent, string name) =>
        String(parent, name) is { } text && TextFolding.Fold(text) is { Length: > 0 } folded ? folded : null;

    public static int? Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>Present with any value but null.</summary>
    public static bool IsPresent(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>The non-blank strings of an array property; an array of objects gives each object's <paramref name="nameProperty"/>.</summary>
    public static List<string> Strings(JsonElement parent, string name, string? nameProperty = null)
    {
        var result = new List<string>();
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var element in array.EnumerateArray())
        {
            var text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Object when nameProperty is not null => String(element, nameProperty),
                _ => null,
            };

            if (!string.IsNullOrWhiteSpace(text))
            {
                result.Add(TextFolding.Fold(text));
            }
        }

        return result;
    }
}
