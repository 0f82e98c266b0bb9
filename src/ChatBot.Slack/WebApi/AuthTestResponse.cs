namespace ChatBot.Slack.WebApi;

/// <summary>
/// What <c>auth.test</c> says about a token: the workspace and the user (the bot user for an <c>xoxb-</c>
/// token, which alone carries <see cref="BotId"/>). Named as SlackNet names it.
/// </summary>
internal sealed record AuthTestResponse(string Team, string TeamId, string User, string UserId, string? BotId);
