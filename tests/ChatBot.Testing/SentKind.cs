namespace ChatBot.Testing;

public enum SentKind
{
    Message,
    ThreadParent,
    ThreadReply,
    DirectMessage,
}
