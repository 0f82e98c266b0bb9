namespace ChatBot.Discord.Rest;

/// <summary>The channel types the bot treats differently.</summary>
internal enum DiscordChannelKind
{
    Text,
    Forum,
    Other,
}
