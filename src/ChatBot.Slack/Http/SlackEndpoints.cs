using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Cluster;
using ChatBot.Core.IO;
using ChatBot.Core.Json;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Platform;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Http;

/// <summary>
/// Slack's HTTP request URLs, mapped only when <c>Slack:SigningSecret</c> is set: <c>POST /slack/commands</c>
/// (slash commands, a form), <c>/slack/actions</c> (button clicks, a form with a <c>payload</c> JSON field)
/// and <c>/slack/events</c> (Events API JSON, answering <c>url_verification</c>). Every body is read with a cap
/// (413 as soon as it is passed, before the signature is checked); every request must carry a valid, fresh
/// signature (401 otherwise). A retry (<c>X-Slack-Retry-Num</c>) of a command or a click already being handled or
/// handled is acknowledged with an empty 200 and not run again.
/// </summary>
public static class SlackEndpoints
{
    public const string CommandsPath = "/slack/commands";
    public const string ActionsPath = "/slack/actions";
    public const string EventsPath = "/slack/events";

    /// <summary>A slash command form is a few hundred bytes plus the typed text; 64 KiB is far past any real one.</summary>
    public const int MaxCommandBodyBytes = 64 * 1024;

    /// <summary>A <c>block_actions</c> payload carries the whole message the button was on (up to 50 blocks), form-encoded.</summary>
    public const int MaxActionBodyBytes = 1024 * 1024;

    /// <summary>An Events API callback carries one event (a message can hold blocks).</summary>
    public const int MaxEventBodyBytes = 1024 * 1024;

    public const string RetryNumHeader = "X-Slack-Retry-Num";
    public const string RetryReasonHeader = "X-Slack-Retry-Reason";

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.HttpEndpointsEnabled)
        {
            return endpoints;
        }

        endpoints.MapPost(CommandsPath, HandleCommandAsync);
        endpoints.MapPost(ActionsPath, HandleActionAsync);
        endpoints.MapPost(EventsPath, HandleEventAsync);
        return endpoints;
    }

    private static async Task HandleCommandAsync(HttpContext context)
    {
        // Slack's 3 seconds run from when it sent the request: reading and checking it count too.
        var receivedAt = context.RequestServices.GetRequiredService<TimeProvider>().GetTimestamp();
        if (await ReadVerifiedAsync(context, MaxCommandBodyBytes) is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            return;
        }

        var command = SlashCommand.FromFields(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        if (await IsRetryAsync(context, "slash_commands", command.TriggerId, body))
        {
            return;
        }

        var adapter = context.RequestServices.GetRequiredService<SlackCommandAdapter>();
        var message = await adapter.AnswerSlashCommandAsync(command, receivedAt).WaitAsync(context.RequestAborted);
        if (message is not null)
        {
            await context.Response.WriteAsJsonAsync(ResponseUrlMessage.From(message), SlackJson.Options, context.RequestAborted);
        }
    }

    private static async Task HandleActionAsync(HttpContext context)
    {
        var receivedAt = context.RequestServices.GetRequiredService<TimeProvider>().GetTimestamp();
        if (await ReadVerifiedAsync(context, MaxActionBodyBytes) is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || ParseOrNull(payload.ToString()) is not { } json)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (JsonFields.OptionalString(root, "type") == BlockActionRequest.PayloadType
                && !await IsRetryAsync(context, "interactive", JsonFields.OptionalString(root, "trigger_id"), body))
            {
                // Returns once the click is under way; its answer goes to response_url.
                await context.RequestServices.GetRequiredService<SlackCommandAdapter>().AnswerBlockActionsAsync(BlockActionRequest.Parse(root), receivedAt);
            }
        }
    }

    private static async Task HandleEventAsync(HttpContext context)
    {
        if (await ReadVerifiedAsync(context, MaxEventBodyBytes) is not { } body || ParseOrNull(Encoding.UTF8.GetString(body)) is not { } json)
        {
            if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return;
        }

        using (json)
        {
            var root = json.RootElement;
            var type = JsonFields.OptionalString(root, "type");
            if (type == "url_verification")
            {
                await context.Response.WriteAsJsonAsync(new { challenge = JsonFields.OptionalString(root, "challenge") ?? "" }, context.RequestAborted);
                return;
            }

            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
            Log.EventIgnored(logger, type ?? "(none)");
        }
    }

    /// <summary>
    /// True when this request is a retry (<c>X-Slack-Retry-Num</c>, https://api.slack.com/apis/events-api#retries) of a
    /// command or click already being handled or handled: the caller answers an empty 200 and runs nothing. Every
    /// delivery is remembered by its trigger id (the key Socket Mode uses too), or, for a retry without one, by its body:
    /// in this process first, then across processes (<see cref="IEventClaims"/>), since behind a load balancer a retry
    /// may reach another process than the first delivery did. A first delivery always runs; so does a retry whose claim
    /// cannot be made (the database is down): a possible second answer is better than none.
    /// </summary>
    private static async Task<bool> IsRetryAsync(HttpContext context, string kind, string? triggerId, byte[] body)
    {
        var retryNum = context.Request.Headers[RetryNumHeader].ToString();
        var key = triggerId is { Length: > 0 } ? kind + ":" + triggerId
            : retryNum.Length > 0 ? kind + ":body:" + Convert.ToHexString(SHA256.HashData(body))
            : null;
        if (key is null)
        {
            return false;
        }

        var first = context.RequestServices.GetRequiredService<SlackEnvelopeDeduplicator>().TryBegin([key]) && await ClaimAsync(context, key);
        if (first || retryNum.Length == 0)
        {
            return false;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
        var reason = Short(context.Request.Headers[RetryReasonHeader].ToString());
        var attempt = Short(retryNum);
        Log.RetryIgnored(logger, context.Request.Path.Value ?? "", attempt, reason);
        return true;
    }

    private static async Task<bool> ClaimAsync(HttpContext context, string key)
    {
        if (context.RequestServices.GetService<IEventClaims>() is not { } claims)
        {
            return true;
        }

        try
        {
            return await claims.TryClaimAsync(SlackPlatform.PlatformName, [key], context.RequestAborted);
        }
#pragma warning disable CA1031 // Unclaimed is run: see above.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
            Log.RequestClaimFailed(logger, key, e.Message);
            return true;
        }
    }

    /// <summary>The raw body when it is within <paramref name="maxBytes"/> and its signature is valid; otherwise null, with the response set to 413 or 401.</summary>
    private static async Task<byte[]?> ReadVerifiedAsync(HttpContext context, int maxBytes)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
        var body = await BoundedRead.ReadAsync(context.Request.Body, context.Request.ContentLength, maxBytes, context.RequestAborted);
        if (body is null)
        {
            Log.BodyTooLarge(logger, context.Request.Path.Value ?? "", maxBytes);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        var verifier = context.RequestServices.GetRequiredService<SlackRequestVerifier>();
        var check = verifier.Verify(
            context.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            context.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString(),
            body);
        if (check != SignatureCheck.Valid)
        {
            Log.SignatureRejected(logger, context.Request.Path.Value ?? "", check);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        return body;
    }

    private static string Short(string text) => text.Length <= 32 ? text : text[..32] + "\u2026";

    private static JsonDocument? ParseOrNull(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
