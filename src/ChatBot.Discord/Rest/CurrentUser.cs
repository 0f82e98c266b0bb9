namespace ChatBot.Discord.Rest;

/// <summary>What <c>GET /users/@me</c> says about the bot user the token belongs to.</summary>
internal sealed record CurrentUser(string Id, string Username, bool IsBot);
