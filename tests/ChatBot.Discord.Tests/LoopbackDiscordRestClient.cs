using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Tests;

/// <summary>
/// The three REST calls the gateway and interactions need, against a loopback fake. Stands in
/// until the discord-rest branch's DiscordRestClient is merged; everything else is unsupported.
/// </summary>
internal sealed class LoopbackDiscordRestClient(Uri baseAddress, string applicationId) : IDiscordRestClient, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("gateway/bot", UriKind.Relative), cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var limit = json.GetProperty("session_start_limit");
        return new GatewayBotInfo(
            new Uri(json.GetProperty("url").GetString()!),
            json.GetProperty("shards").GetInt32(),
            limit.GetProperty("remaining").GetInt32(),
            TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetInt64()),
            limit.GetProperty("max_concurrency").GetInt32());
    }

    public async Task RespondToInteractionAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken)
    {
        using var content = Json(callback);
        using var response = await _http.PostAsync(new Uri($"interactions/{interactionId}/{interactionToken}/callback", UriKind.Relative), content, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
    }

    public async Task EditOriginalResponseAsync(string interactionToken, MessagePayload message, CancellationToken cancellationToken)
    {
        using var content = Json(message);
        using var response = await _http.PatchAsync(new Uri($"webhooks/{applicationId}/{interactionToken}/messages/@original", UriKind.Relative), content, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
    }

    public Task<PostedMessage> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DiscordChannelKind> GetChannelKindAsync(string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PostedMessage> StartForumThreadAsync(string channelId, string name, MessagePayload message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> CreateDirectMessageChannelAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task BulkOverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose() => _http.Dispose();

    private static StringContent Json<T>(T value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ChatPlatformException("discord", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), body, isPermanent: (int)response.StatusCode is >= 400 and < 500);
        }
    }
}
