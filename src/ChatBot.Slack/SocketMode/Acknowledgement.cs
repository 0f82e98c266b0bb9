using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.SocketMode;

/// <summary>What the bot sends back for an envelope (SlackNet's <c>Acknowledgement</c>); a slash command's reply may ride along.</summary>
internal sealed record Acknowledgement(string EnvelopeId, ResponseUrlMessage? Payload = null);
