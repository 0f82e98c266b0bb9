using System.Text.Json.Nodes;
using ChatBot.Core.Chat;

namespace ChatBot.Discord.Rest;

/// <summary>
/// The Discord REST calls the bot makes, no more. Rate limits are honoured inside; failures are
/// thrown as <see cref="ChatPlatformException"/> carrying Discord's numeric error code.
/// </summary>
internal interface IDiscordRestClient
{
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /users/@me</c>: the bot user of the token (a cheap way to learn whether Discord accepts it).</summary>
    Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /oauth2/applications/@me</c>: the application that owns the bot token.</summary>
    Task<ApplicationInfo> GetApplicationInfoAsync(CancellationToken cancellationToken);

    Task RespondToInteractionAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken);

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/@original</c>: fills in a deferred answer.</summary>
    Task EditOriginalResponseAsync(string interactionToken, MessagePayload message, CancellationToken cancellationToken);

    Task<PostedMessage> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken);

    Task<DiscordChannelKind> GetChannelKindAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Opens a public thread on a message; returns the thread's channel id.</summary>
    Task<string> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken);

    /// <summary>Creates a forum post (a thread with its first message); returns the thread's channel id and the message id.</summary>
    Task<PostedMessage> StartForumThreadAsync(string channelId, string name, MessagePayload message, CancellationToken cancellationToken);

    /// <summary>Opens (or finds) the DM channel with a user; returns its channel id.</summary>
    Task<string> CreateDirectMessageChannelAsync(string userId, CancellationToken cancellationToken);

    /// <summary><c>GET /applications/{id}/commands</c> (or one guild's): the commands Discord has now.</summary>
    Task<JsonArray> GetCommandsAsync(string? guildId, CancellationToken cancellationToken);

    /// <summary>Replaces every application command, globally or in one guild.</summary>
    Task BulkOverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken);
}
