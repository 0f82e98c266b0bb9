using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

internal sealed record EmbedFooter([property: JsonPropertyName("text")] string Text);
