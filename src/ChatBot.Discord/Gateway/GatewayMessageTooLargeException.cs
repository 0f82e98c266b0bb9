namespace ChatBot.Discord.Gateway;

/// <summary>A received gateway message grew past <see cref="DiscordGatewaySettings.MaxMessageBytes"/>; it is not buffered further.</summary>
internal sealed class GatewayMessageTooLargeException(int limit)
    : Exception($"A gateway message was larger than {limit} bytes.")
{
    public int Limit { get; } = limit;
}
