namespace ChatBot.Admin;

/// <summary>The body of an admin request the bot could not do: a message for the person who asked.</summary>
internal sealed record AdminError(string Error);
