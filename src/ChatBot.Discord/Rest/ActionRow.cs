using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

/// <summary>A row of up to five buttons (component type 1).</summary>
internal sealed record ActionRow([property: JsonPropertyName("components")] IReadOnlyList<Button> Components)
{
    [JsonPropertyName("type")]
    public int Type { get; init; } = 1;
}
