using ChatBot.Core.Commands;

namespace ChatBot.Testing;

public sealed record SentMessage(SentKind Kind, string ChannelId, string? ThreadId, string MessageId, Reply Message);
