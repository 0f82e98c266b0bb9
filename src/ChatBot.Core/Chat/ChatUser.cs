namespace ChatBot.Core.Chat;

/// <summary>A person on a chat platform: the platform's user id and, when known, a display name.</summary>
public sealed record ChatUser(string Id, string? DisplayName = null);
