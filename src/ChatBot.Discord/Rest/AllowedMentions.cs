using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

internal sealed record AllowedMentions([property: JsonPropertyName("parse")] IReadOnlyList<string> Parse)
{
    /// <summary><c>{"parse": []}</c>: no @everyone, role or user pings, whatever the text says.</summary>
    public static readonly AllowedMentions None = new([]);
}
