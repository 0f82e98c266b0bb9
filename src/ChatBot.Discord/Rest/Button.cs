using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

/// <summary>A button (component type 2): style 1-4 with a <c>custom_id</c> (1-100 chars), or style 5 with a <c>url</c>.</summary>
internal sealed record Button
{
    [JsonPropertyName("type")]
    public int Type { get; init; } = 2;

    [JsonPropertyName("style")]
    public int Style { get; init; } = 2;

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("custom_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomId { get; init; }

    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}
