namespace ChatBot.Discord.Rest;

/// <summary>The channel types the bot treats differently.</summary>
public enum DiscordChannelKind
{
    Text,
    Forum,
    Other,
}
