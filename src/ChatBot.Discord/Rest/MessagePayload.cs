using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

/// <summary>
/// A message as Discord's create/edit message and interaction callback endpoints take it.
/// Every payload we send carries <see cref="AllowedMentions"/> with an empty <c>parse</c> list,
/// so nothing in a paper's text can ping anyone.
/// </summary>
internal sealed record MessagePayload
{
    [JsonPropertyName("content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Content { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    [JsonPropertyName("components")]
    public IReadOnlyList<ActionRow> Components { get; init; } = [];

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>64 = ephemeral (only the person who ran the command sees it).</summary>
    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Flags { get; init; }

    public const int EphemeralFlag = 1 << 6;
}
