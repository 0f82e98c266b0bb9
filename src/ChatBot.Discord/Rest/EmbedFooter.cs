using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

public sealed record EmbedFooter([property: JsonPropertyName("text")] string Text);
