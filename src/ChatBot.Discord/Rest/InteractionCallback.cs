using System.Text.Json.Serialization;

namespace ChatBot.Discord.Rest;

/// <summary>
/// The body of <c>POST /interactions/{id}/{token}/callback</c> (or the inline HTTP answer):
/// type 1 PONG, 4 message, 5 deferred message, 6 deferred update, 7 update the clicked message.
/// </summary>
internal sealed record InteractionCallback(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Data = null)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;

    public static InteractionCallback Message(MessagePayload message) => new(ChannelMessage, message);

    /// <summary>"The bot is thinking…"; only the ephemeral flag is allowed in its data.</summary>
    public static InteractionCallback Defer(bool ephemeral) =>
        new(DeferredChannelMessage, ephemeral ? new DeferredData(MessagePayload.EphemeralFlag) : null);

    private sealed record DeferredData([property: JsonPropertyName("flags")] int Flags);
}
