using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Resilience;
using ChatBot.Core.Telemetry;
using ChatBot.Discord.Platform;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Rest;

/// <summary>
/// Discord's REST API over an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (a named
/// client asked for per call, so this singleton never pins a handler). Every call goes through the
/// <see cref="DiscordRateLimiter"/>; 429s are retried after Discord's <c>retry_after</c>, 5xx and
/// network failures with exponential backoff, both a bounded number of times; after a 5xx or a network
/// failure only a call Discord cannot act on twice is sent again (<see cref="RetrySafety"/>). Retries are done here
/// rather than by a generic resilience handler so the waits are exactly Discord's and a 429 is
/// never retried before its bucket resets. Failures become <see cref="ChatPlatformException"/>s with
/// Discord's numeric code; neither they nor the logs ever contain the bot or an interaction token.
/// </summary>
internal sealed class DiscordRestClient(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<DiscordOptions> options,
    DiscordRateLimiter rateLimiter,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DiscordRestClient> logger) : IDiscordRestClient
{
    public const string HttpClientName = "ChatBot.Discord";

    /// <summary>429 answers tolerated per call before giving up with a transient failure.</summary>
    internal const int MaxRateLimitedAttempts = 5;

    /// <summary>Attempts per call when Discord answers 5xx or cannot be reached (the first try included).</summary>
    internal const int MaxServerErrorAttempts = 4;

    /// <summary>The first 5xx backoff; it doubles with each retry (0.5 s, 1 s, 2 s).</summary>
    internal static readonly TimeSpan FirstServerErrorBackoff = TimeSpan.FromSeconds(0.5);

    // Not jittered, as before: these are a few waits inside one call of one bot, not a crowd of clients to spread out.
    private static readonly Backoff ServerErrorBackoff = new(FirstServerErrorBackoff, TimeSpan.FromSeconds(2), Backoff.NoJitter);

    internal static readonly string UserAgent =
        $"DiscordBot (https://github.com/chatbot-papers/chatbot, {Version()})";

    /// <summary>Discord takes a nonce of up to 25 characters.</summary>
    private const int MessageNonceLength = 24;

    /// <summary>Session starts reset within a day; a longer reset_after is not a number Discord sends.</summary>
    private const double MaxSessionStartResetMilliseconds = 24 * 60 * 60 * 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/gateway/bot", "gateway/bot", "");
        var body = await SendAsync(route, null, cancellationToken).ConfigureAwait(false);
        var url = Uri.TryCreate(Text(Field(body, "url")), UriKind.Absolute, out var parsed)
            ? parsed
            : throw new ChatPlatformException(DiscordPlatform.PlatformName, "bad_response", $"Discord's answer to {route} has no gateway url the bot can read.", isPermanent: false);
        var limit = Field(body, "session_start_limit");

        // The limits only pace identifies: a value that cannot be read falls back to Discord's usual one.
        var resetAfter = Number(Field(limit, "reset_after")) is { } ms and >= 0 and <= MaxSessionStartResetMilliseconds ? ms : 0;
        return new GatewayBotInfo(
            url,
            Whole(Field(body, "shards")) is { } shards and >= 1 ? shards : 1,
            Whole(Field(limit, "remaining")) is { } remaining and >= 0 ? remaining : 1000,
            TimeSpan.FromMilliseconds(resetAfter),
            Whole(Field(limit, "max_concurrency")) is { } concurrency and >= 1 ? concurrency : 1);
    }

    public async Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/users/@me", "users/@me", "");
        var body = await SendAsync(route, null, cancellationToken).ConfigureAwait(false);
        return new CurrentUser(Required(Field(body, "id"), route), Text(Field(body, "username")) ?? "", Field(body, "bot")?.GetValueKind() == JsonValueKind.True);
    }

    public async Task<ApplicationInfo> GetApplicationInfoAsync(CancellationToken cancellationToken)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/oauth2/applications/@me", "oauth2/applications/@me", "");
        var body = await SendAsync(route, null, cancellationToken).ConfigureAwait(false);
        return new ApplicationInfo(Required(Field(body, "id"), route), Text(Field(body, "name")) ?? "");
    }

    public Task RespondToInteractionAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(callback);
        // Discord takes one response per interaction and refuses another with 40060 ("Interaction has already
        // been acknowledged"), so a resent callback never shows twice.
        var route = new DiscordRoute(
            HttpMethod.Post,
            "/interactions/{interaction_id}/{token}/callback",
            $"interactions/{Segment(interactionId)}/{Segment(interactionToken)}/callback",
            interactionId,
            IsInteraction: true,
            DeduplicatedByDiscord: true);
        return SendAsync(route, Serialize(callback), cancellationToken);
    }

    public Task EditOriginalResponseAsync(string interactionToken, MessagePayload message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(message);
        var applicationId = ApplicationId();
        var route = new DiscordRoute(
            HttpMethod.Patch,
            "/webhooks/{application_id}/{token}/messages/@original",
            $"webhooks/{Segment(applicationId)}/{Segment(interactionToken)}/messages/@original",
            applicationId + "/" + interactionToken,
            IsInteraction: true);
        return SendAsync(route, Serialize(message), cancellationToken);
    }

    public async Task<PostedMessage> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(message);
        // https://discord.com/developers/docs/resources/message#create-message: with enforce_nonce, "if another message
        // was created by the same author with the same nonce, that message will be returned and no new message will be
        // created", checked over "the past few minutes" (our retries come within about two: four attempts of at most
        // 30 s, 3.5 s of backoff, unless 429s ask for longer). So a resend after a timeout is safe.
        var request = JsonSerializer.SerializeToNode(message, Json)!.AsObject();
        request["nonce"] = MessageNonce(channelId, request.ToJsonString(Json));
        request["enforce_nonce"] = true;
        var route = new DiscordRoute(HttpMethod.Post, "/channels/{channel_id}/messages", $"channels/{Segment(channelId)}/messages", channelId, DeduplicatedByDiscord: true);
        var body = await SendAsync(route, request.ToJsonString(Json), cancellationToken).ConfigureAwait(false);
        return new PostedMessage(Text(Field(body, "channel_id")) ?? channelId, Required(Field(body, "id"), route));
    }

    public async Task<DiscordChannelKind> GetChannelKindAsync(string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        var route = new DiscordRoute(HttpMethod.Get, "/channels/{channel_id}", $"channels/{Segment(channelId)}", channelId);
        var body = await SendAsync(route, null, cancellationToken).ConfigureAwait(false);
        return Whole(Field(body, "type")) switch
        {
            0 or 5 => DiscordChannelKind.Text, // GUILD_TEXT, GUILD_ANNOUNCEMENT
            15 or 16 => DiscordChannelKind.Forum, // GUILD_FORUM, GUILD_MEDIA
            _ => DiscordChannelKind.Other,
        };
    }

    public async Task<string> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        // "The id of the created thread will be the same as the id of the source message, and as such a message can only
        // have a single thread created from it" (https://discord.com/developers/docs/resources/channel#start-thread-from-message):
        // a second start is refused with 160004, never opens two, and that refusal names the thread we want.
        var route = new DiscordRoute(
            HttpMethod.Post,
            "/channels/{channel_id}/messages/{message_id}/threads",
            $"channels/{Segment(channelId)}/messages/{Segment(messageId)}/threads",
            channelId,
            DeduplicatedByDiscord: true);
        var request = new JsonObject { ["name"] = ThreadName(name), ["auto_archive_duration"] = 1440 };
        try
        {
            var body = await SendAsync(route, request.ToJsonString(), cancellationToken).ConfigureAwait(false);
            return Required(Field(body, "id"), route);
        }
        catch (ChatPlatformException e) when (e.Code == DiscordError.ThreadAlreadyCreatedForMessage)
        {
            // Started by an earlier attempt whose answer never came (a timeout here, or a restart before it was recorded).
            return messageId;
        }
    }

    public async Task<PostedMessage> StartForumThreadAsync(string channelId, string name, MessagePayload message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(message);
        // Each call opens a new forum post, and its message takes no nonce
        // (https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel): OnceOnly.
        var route = new DiscordRoute(HttpMethod.Post, "/channels/{channel_id}/threads", $"channels/{Segment(channelId)}/threads", channelId);
        var request = new JsonObject
        {
            ["name"] = ThreadName(name),
            ["auto_archive_duration"] = 1440,
            ["message"] = JsonSerializer.SerializeToNode(message with { Flags = 0 }, Json),
        };
        var body = await SendAsync(route, request.ToJsonString(), cancellationToken).ConfigureAwait(false);
        var threadId = Required(Field(body, "id"), route);

        // A forum post's first message has the thread's id; Discord also returns it as "message".
        return new PostedMessage(threadId, Text(Field(Field(body, "message"), "id")) ?? threadId);
    }

    public async Task<string> CreateDirectMessageChannelAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        // "If one already exists, it will be returned instead" (https://discord.com/developers/docs/resources/user#create-dm).
        var route = new DiscordRoute(HttpMethod.Post, "/users/@me/channels", "users/@me/channels", "", DeduplicatedByDiscord: true);
        var request = new JsonObject { ["recipient_id"] = userId };
        var body = await SendAsync(route, request.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return Required(Field(body, "id"), route);
    }

    public async Task<JsonArray> GetCommandsAsync(string? guildId, CancellationToken cancellationToken)
    {
        var route = CommandsRoute(HttpMethod.Get, guildId);
        var body = await SendAsync(route, null, cancellationToken).ConfigureAwait(false);
        return body as JsonArray
            ?? throw new ChatPlatformException(DiscordPlatform.PlatformName, "bad_response", $"Discord's answer to {route} is not a list of commands.", isPermanent: false);
    }

    public Task BulkOverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return SendAsync(CommandsRoute(HttpMethod.Put, guildId), commands.ToJsonString(), cancellationToken);
    }

    private DiscordRoute CommandsRoute(HttpMethod method, string? guildId)
    {
        var applicationId = ApplicationId();
        return string.IsNullOrWhiteSpace(guildId)
            ? new DiscordRoute(method, "/applications/{application_id}/commands", $"applications/{Segment(applicationId)}/commands", "")
            : new DiscordRoute(
                method,
                "/applications/{application_id}/guilds/{guild_id}/commands",
                $"applications/{Segment(applicationId)}/guilds/{Segment(guildId)}/commands",
                guildId);
    }

    /// <summary>Joins the API root and a relative path whether or not the root ends with a slash.</summary>
    internal static Uri Join(Uri apiBaseUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        var root = apiBaseUrl.AbsoluteUri.EndsWith('/') ? apiBaseUrl.AbsoluteUri : apiBaseUrl.AbsoluteUri + "/";
        return new Uri(new Uri(root), relativePath.TrimStart('/'));
    }

    private async Task<JsonNode?> SendAsync(DiscordRoute route, string? json, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (route.SendsBotToken && string.IsNullOrWhiteSpace(settings.Token))
        {
            throw new ChatPlatformException(DiscordPlatform.PlatformName, "no_token", $"Discord:Token is not set; cannot call {route}.", isPermanent: true);
        }

        var rateLimited = 0;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan? backoff = null;
            using (var lease = await rateLimiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false))
            {
                HttpResponseMessage? response = null;
                try
                {
                    using var request = BuildRequest(route, json, settings);
                    var client = httpClientFactory.CreateClient(HttpClientName);
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    var reason = exception is TaskCanceledException ? "timed out" : "network error";
                    if (route.Safety == RetrySafety.OnceOnly)
                    {
                        throw new ChatPlatformException(
                            DiscordPlatform.PlatformName, "network", $"Discord did not answer {route} ({reason}); not sent again, since Discord may have acted on it.", isPermanent: false, exception);
                    }

                    if (failures >= MaxServerErrorAttempts)
                    {
                        throw new ChatPlatformException(
                            DiscordPlatform.PlatformName, "network", $"Discord could not be reached for {route} after {failures} attempts ({reason}).", isPermanent: false, exception);
                    }

                    backoff = ServerErrorBackoff.Delay(failures);
                    Log.NetworkErrorRetry(logger, route.Key, reason, backoff.Value, failures, MaxServerErrorAttempts);
                }

                if (response is not null)
                {
                    using (response)
                    {
                        lease.Update(response.Headers);
                        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        if (response.IsSuccessStatusCode)
                        {
                            return Parse(text, route);
                        }

                        var error = DiscordError.Parse(text);
                        if (response.StatusCode == HttpStatusCode.TooManyRequests)
                        {
                            metrics.RateLimited(DiscordPlatform.PlatformName);
                            rateLimited++;
                            var global = error.Global || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
                            var retryAfter = error.RetryAfter
                                ?? DiscordRateLimiter.Seconds(Header(response, "Retry-After"))
                                ?? response.Headers.RetryAfter?.Delta
                                ?? TimeSpan.FromSeconds(1);
                            if (rateLimited >= MaxRateLimitedAttempts)
                            {
                                throw new ChatPlatformException(
                                    DiscordPlatform.PlatformName, error.Code ?? "429", $"Discord kept rate limiting {route} ({rateLimited} times); giving up for now.", isPermanent: false);
                            }

                            var scope = Header(response, "X-RateLimit-Scope") ?? "unknown";
                            Log.RateLimited(logger, route.Key, global, scope, retryAfter, rateLimited, MaxRateLimitedAttempts);

                            // The next attempt waits in the limiter until the bucket (or everything) resets.
                            lease.RateLimited(retryAfter, global);
                            continue;
                        }

                        var code = error.Code ?? status.ToString(CultureInfo.InvariantCulture);
                        var description = error.Describe(response.ReasonPhrase);
                        var message = $"Discord answered {status} to {route}: {description} (code {code})";
                        if (status >= 500)
                        {
                            failures++;
                            if (route.Safety == RetrySafety.OnceOnly)
                            {
                                throw new ChatPlatformException(DiscordPlatform.PlatformName, code, message + "; not sent again, since Discord may have acted on it.", isPermanent: false);
                            }

                            if (failures >= MaxServerErrorAttempts)
                            {
                                throw new ChatPlatformException(DiscordPlatform.PlatformName, code, message + $"; gave up after {failures} attempts.", isPermanent: false);
                            }

                            backoff = ServerErrorBackoff.Delay(failures);
                            Log.ServerErrorRetry(logger, route.Key, status, backoff.Value, failures, MaxServerErrorAttempts);
                        }
                        else
                        {
                            Log.RequestRefused(logger, route.Key, status, code, description);
                            throw new ChatPlatformException(DiscordPlatform.PlatformName, code, message, isPermanent: true)
                            {
                                IsUndeliverableToUser = error.Code == DiscordError.CannotSendMessagesToThisUser,
                                IsCredentialRejected = response.StatusCode == HttpStatusCode.Unauthorized && route.SendsBotToken,
                            };
                        }
                    }
                }
            }

            await Task.Delay(backoff.GetValueOrDefault(), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage BuildRequest(DiscordRoute route, string? json, DiscordOptions settings)
    {
        var request = new HttpRequestMessage(route.Method, Join(settings.ApiBaseUrl, route.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (route.SendsBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", settings.Token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static JsonNode? Parse(string text, DiscordRoute route)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new ChatPlatformException(DiscordPlatform.PlatformName, "bad_response", $"Discord's answer to {route} is not JSON.", isPermanent: false, exception);
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>
    /// The nonce of a message: from its channel and content, so the same message sent again (a retry here, or a
    /// restarted worker resending what it could not confirm) is the one Discord returns, within its few minutes,
    /// while different messages never share one. The one cost: the same text posted on purpose twice to one
    /// channel within minutes shows once, which no feature of the bot does.
    /// </summary>
    private static string MessageNonce(string channelId, string json)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + json));
        return Convert.ToHexStringLower(hash)[..MessageNonceLength];
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string ThreadName(string name)
    {
        var clean = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0)
        {
            return "Papers";
        }

        return clean.Length <= 100 ? clean : clean[..99] + "\u2026";
    }

    private string ApplicationId() =>
        options.CurrentValue.ApplicationId is { Length: > 0 } id
            ? id
            : throw new ChatPlatformException(DiscordPlatform.PlatformName, "no_application_id", "Discord:ApplicationId is not set.", isPermanent: true);

    private static string Required(JsonNode? value, DiscordRoute route) =>
        Text(value) ?? throw new ChatPlatformException(DiscordPlatform.PlatformName, "bad_response", $"Discord's answer to {route} lacks a field the bot needs.", isPermanent: false);

    /// <summary>A field of a JSON object; null when <paramref name="node"/> is not an object or lacks it.</summary>
    private static JsonNode? Field(JsonNode? node, string name) => node is JsonObject json ? json[name] : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;

    private static int? Whole(JsonNode? node) =>
        Number(node) is { } number && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Version()
    {
        var assembly = typeof(DiscordRestClient).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "1.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
