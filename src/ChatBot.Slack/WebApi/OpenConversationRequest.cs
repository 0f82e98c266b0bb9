namespace ChatBot.Slack.WebApi;

/// <summary><c>conversations.open</c> arguments: a comma-separated list of user ids (one, for a DM).</summary>
internal sealed record OpenConversationRequest(string Users);
