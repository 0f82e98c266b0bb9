using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

internal sealed record EmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool Inline = false);
