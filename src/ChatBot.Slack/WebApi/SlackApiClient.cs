using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Json;
using ChatBot.Core.Resilience;
using ChatBot.Core.Telemetry;
using ChatBot.Slack.Platform;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// The few Web API methods the bot calls (SlackNet's <c>ISlackApiClient</c>, trimmed): JSON bodies with a
/// bearer token, <c>ok:false</c> answers thrown as <see cref="ChatPlatformException"/> with Slack's error
/// string, HTTP 429 waited out per method (<c>Retry-After</c>) and retried a few times, and messages to
/// one channel paced by <see cref="SlackChannelPacer"/>. Tokens are never logged.
/// </summary>
/// <remarks>
/// A singleton that asks <see cref="IHttpClientFactory"/> for the named client on each call, so handler
/// rotation keeps working while the per-method rate-limit state lives as long as the process. No generic
/// retry handler sits under it: after a timeout, a lost connection or a server error only a method Slack
/// cannot act on twice is sent again (<see cref="RetrySafety"/>). Slack takes no idempotency key:
/// <c>chat.postMessage</c> has none among its arguments (https://api.slack.com/methods/chat.postMessage), so a
/// resent message after a timeout could post twice; it fails instead, as a transient error its caller retries.
/// </remarks>
internal sealed class SlackApiClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SlackOptions> options,
    SlackChannelPacer pacer,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "ChatBot.Slack";

    /// <summary>How many times one call is retried after HTTP 429 before it fails as <c>ratelimited</c>.</summary>
    public const int MaxRateLimitRetries = 3;

    /// <summary>Attempts per call of a <see cref="RetrySafety.Repeatable"/> method whose outcome stayed unknown (the first try included).</summary>
    public const int MaxUnknownOutcomeAttempts = 4;

    // Not jittered: a few waits inside one call of one bot, not a crowd of clients to spread out (as Discord's REST client).
    private static readonly Backoff UnknownOutcomeBackoff = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), Backoff.NoJitter);

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    /// <summary><c>chat.postMessage</c>; returns the channel and the new message's <c>ts</c>.</summary>
    public async Task<PostedMessage> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await pacer.RunAsync(message.Channel, async () =>
        {
            using var answer = await CallAsync("chat.postMessage", message, BotToken(), RetrySafety.OnceOnly, cancellationToken);
            return Posted(answer.RootElement, message.Channel);
        }, cancellationToken);
    }

    /// <summary><c>chat.update</c>: replaces the text and blocks of a message the bot posted.</summary>
    public async Task<PostedMessage> UpdateMessageAsync(UpdateMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await pacer.RunAsync(message.Channel, async () =>
        {
            // The same text and blocks on the same ts: a second update changes nothing more.
            using var answer = await CallAsync("chat.update", message, BotToken(), RetrySafety.Repeatable, cancellationToken);
            return Posted(answer.RootElement, message.Channel);
        }, cancellationToken);
    }

    /// <summary><c>conversations.open</c> with one user: the id of the direct-message channel (<c>D…</c>).</summary>
    public async Task<string> OpenConversationAsync(string userId, CancellationToken cancellationToken)
    {
        // "Opens or resumes" a direct message (https://api.slack.com/methods/conversations.open): the same channel again.
        using var answer = await CallAsync("conversations.open", new OpenConversationRequest(userId), BotToken(), RetrySafety.Repeatable, cancellationToken);
        return Text(JsonFields.OptionalProperty(answer.RootElement, "channel"), "id") is { Length: > 0 } value
            ? value
            : throw new ChatPlatformException(SlackPlatform.PlatformName, "invalid_response", "Slack conversations.open answered without a channel id", isPermanent: false);
    }

    /// <summary><c>auth.test</c> with the bot token: who Slack takes the token for (a cheap way to learn whether it is accepted).</summary>
    public async Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken)
    {
        using var answer = await CallAsync("auth.test", new { }, BotToken(), RetrySafety.Repeatable, cancellationToken);
        var root = answer.RootElement;
        return new AuthTestResponse(Text(root, "team"), Text(root, "team_id"), Text(root, "user"), Text(root, "user_id"), Text(root, "bot_id") is { Length: > 0 } bot ? bot : null);
    }

    /// <summary><c>apps.connections.open</c> with the app-level token: a fresh, single-use Socket Mode URL.</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.AppToken is { Length: > 0 } app
            ? app
            : throw new ChatPlatformException(SlackPlatform.PlatformName, "not_authed", "Slack:AppToken is not set", isPermanent: true);
        // Each call hands out a fresh URL and nothing else: an unused one simply expires.
        using var answer = await CallAsync("apps.connections.open", new { }, token, RetrySafety.Repeatable, cancellationToken);
        return Uri.TryCreate(Text(answer.RootElement, "url"), UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
            ? uri
            : throw new ChatPlatformException(SlackPlatform.PlatformName, "invalid_response", "Slack apps.connections.open answered without a url", isPermanent: false);
    }

    /// <summary>
    /// Posts a message to a slash command's or button's <c>response_url</c> (no token: the URL is the
    /// credential; Slack allows five posts within 30 minutes). Never resent after an unknown outcome: each post may be
    /// a new message, and each uses up one of the five.
    /// </summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        await SendAsync("response_url", RetrySafety.OnceOnly, () => new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = JsonContent.Create(message, options: SlackJson.Options),
        }, cancellationToken);
    }

    private async Task<JsonDocument> CallAsync<TBody>(string method, TBody body, string token, RetrySafety safety, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.ApiBaseUrl.AbsoluteUri;
        var url = new Uri(baseUrl.EndsWith('/') ? baseUrl + method : baseUrl + "/" + method);
        return await SendAsync(method, safety, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(body, options: SlackJson.Options),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, cancellationToken);
    }

    private async Task<JsonDocument> SendAsync(string method, RetrySafety safety, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        var rateLimited = 0;
        var unknownOutcomes = 0;
        while (true)
        {
            await WaitWhileBlockedAsync(method, cancellationToken);
            ChatPlatformException unknownOutcome;
            try
            {
                using var request = createRequest();
                using var response = await client.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Refused, not acted on: any method waits it out and goes again.
                    metrics.RateLimited(SlackPlatform.PlatformName);
                    rateLimited++;
                    var retryAfter = RetryAfter(response);
                    _blockedUntil[method] = timeProvider.GetUtcNow() + retryAfter;
                    if (rateLimited > MaxRateLimitRetries)
                    {
                        Log.RateLimitRetriesExhausted(logger, method, rateLimited);
                        throw SlackErrors.For(method, "ratelimited");
                    }

                    Log.RateLimited(logger, method, retryAfter, rateLimited);
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Answer(method, text);
                }

                var status = (int)response.StatusCode;
                Log.HttpFailed(logger, method, status);
                var failure = new ChatPlatformException(
                    SlackPlatform.PlatformName, $"http_{status}", $"Slack {method} failed with HTTP {status}", isPermanent: status < 500);
                unknownOutcome = status >= 500 ? failure : throw failure;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = e is TaskCanceledException ? "timed out" : "lost its connection";
                Log.CallFailed(logger, method, reason);
                unknownOutcome = new ChatPlatformException(SlackPlatform.PlatformName, "network", $"Slack {method} {reason}", isPermanent: false, e);
            }

            // No answer, or a server error: Slack may have acted on it, so only a call that cannot act twice goes
            // again (RetrySafety). An ok:false answer (internal_error, fatal_error included) is Slack's answer and
            // goes to the caller as it is.
            unknownOutcomes++;
            if (safety == RetrySafety.OnceOnly || unknownOutcomes >= MaxUnknownOutcomeAttempts)
            {
                throw unknownOutcome;
            }

            var delay = UnknownOutcomeBackoff.Delay(unknownOutcomes);
            Log.UnknownOutcomeRetry(logger, method, unknownOutcome.Code, delay, unknownOutcomes + 1, MaxUnknownOutcomeAttempts);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>The answer of a call Slack answered with a 2xx; throws Slack's error for <c>ok:false</c>.</summary>
    private JsonDocument Answer(string method, string text)
    {
        // response_url answers a bare "ok"; the Web API always answers JSON with "ok".
        var answer = ParseOrNull(text);
        if (answer is null)
        {
            if (method == "response_url")
            {
                return JsonDocument.Parse("{\"ok\":true}");
            }

            throw new ChatPlatformException(SlackPlatform.PlatformName, "invalid_response", $"Slack {method} answered something other than JSON", isPermanent: false);
        }

        if (JsonFields.OptionalBoolean(answer.RootElement, "ok") == false)
        {
            var error = Text(answer.RootElement, "error") is { Length: > 0 } code ? code : "unknown_error";
            answer.Dispose();
            Log.ApiError(logger, method, error);
            throw SlackErrors.For(method, error);
        }

        return answer;
    }

    private async Task WaitWhileBlockedAsync(string method, CancellationToken cancellationToken)
    {
        if (_blockedUntil.TryGetValue(method, out var until) && until - timeProvider.GetUtcNow() is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => DefaultRetryAfter,
        };
        return retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter > LongestRetryAfter ? LongestRetryAfter : retryAfter;
    }

    private string BotToken() => options.Value.BotToken is { Length: > 0 } token
        ? token
        : throw new ChatPlatformException(SlackPlatform.PlatformName, "not_authed", "Slack:BotToken is not set", isPermanent: true);

    private static PostedMessage Posted(JsonElement answer, string channel) => new(
        Text(answer, "channel") is { Length: > 0 } c ? c : channel,
        Text(answer, "ts") is { Length: > 0 } value
            ? value
            : throw new ChatPlatformException(SlackPlatform.PlatformName, "invalid_response", "Slack answered without a message ts", isPermanent: false));

    /// <summary>A string field, or "" when it is absent or of another kind (every field Slack sends is read this way).</summary>
    private static string Text(JsonElement? answer, string name) => JsonFields.OptionalString(answer, name) ?? "";

    private static JsonDocument? ParseOrNull(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
