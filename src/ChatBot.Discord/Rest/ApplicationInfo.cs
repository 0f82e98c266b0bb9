namespace ChatBot.Discord.Rest;

/// <summary>What <c>GET /oauth2/applications/@me</c> says about the application that owns the bot token.</summary>
internal sealed record ApplicationInfo(string Id, string Name);
