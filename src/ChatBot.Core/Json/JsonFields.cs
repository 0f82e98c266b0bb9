using System.Text.Json;

namespace ChatBot.Core.Json;

/// <summary>
/// Reads one property of JSON we do not control (a paper source, a chat platform) with its kind checked,
/// never throwing: a missing property, a JSON null, a value of another kind, a number out of range and a
/// parent that is not an object (or no parent at all) all read as absent. Callers decide what absent means.
/// </summary>
public static class JsonFields
{
    /// <summary>The property whatever its kind, or null when it is missing or the parent is not an object.</summary>
    public static JsonElement? OptionalProperty(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? value : null;

    public static JsonElement? OptionalObject(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? OptionalArray(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>A string; a number or anything else where a string belongs is absent, never its text.</summary>
    public static string? OptionalString(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A whole number that fits an <see cref="int"/>; a fraction, a huge number or a numeric string is absent.</summary>
    public static int? OptionalInt32(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    /// <summary>A whole number that fits a <see cref="long"/>; a fraction, a larger number or a numeric string is absent.</summary>
    public static long? OptionalInt64(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>A finite number; one too large for a <see cref="double"/> (1e400) is absent, not infinity.</summary>
    public static double? OptionalDouble(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>JSON <c>true</c> or <c>false</c>; the strings "true" and "false" and numbers are absent.</summary>
    public static bool? OptionalBoolean(JsonElement? parent, string name) =>
        OptionalProperty(parent, name)?.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    /// <summary>Present with any value but null.</summary>
    public static bool IsPresent(JsonElement? parent, string name) =>
        OptionalProperty(parent, name) is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };

    /// <summary>
    /// The non-blank strings of an array property, in order; an array of objects gives each object's
    /// <paramref name="nameProperty"/>. Elements of any other kind are skipped; a missing array is empty.
    /// </summary>
    public static List<string> Strings(JsonElement? parent, string name, string? nameProperty = null)
    {
        var result = new List<string>();
        if (OptionalArray(parent, name) is not { } array)
        {
            return result;
        }

        foreach (var element in array.EnumerateArray())
        {
            var text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Object when nameProperty is not null => OptionalString(element, nameProperty),
                _ => null,
            };

            if (!string.IsNullOrWhiteSpace(text))
            {
                result.Add(text);
            }
        }

        return result;
    }
}
