namespace ChatBot.Core.Chat;

/// <summary>
/// A thread the bot started: the channel and parent message, and where replies go
/// (<see cref="ThreadId"/>: a Discord thread channel id; on Slack, the parent's ts).
/// </summary>
public sealed record ThreadRef(string ChannelId, string ParentMessageId, string ThreadId);
