namespace ChatBot.Core;

/// <summary>
/// A failure whose message is written for the person who caused it (a bad query, an unknown paper,
/// an unreadable file). Callers show <see cref="Exception.Message"/> as is; anything else is a bug
/// and gets a generic reply.
/// </summary>
public sealed class ChatBotException(string message, Exception? innerException = null)
    : Exception(message, innerException);
