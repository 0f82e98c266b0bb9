namespace ChatBot.Core.Chat;

/// <summary>A message the bot posted: where, and the platform's id for it (Discord snowflake, Slack ts).</summary>
public sealed record PostedMessage(string ChannelId, string MessageId);
