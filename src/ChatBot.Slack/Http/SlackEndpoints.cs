using System.Text;
using System.Text.Json;
using ChatBot.Slack.Platform;
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
/// and <c>/slack/events</c> (Events API JSON, answering <c>url_verification</c>). Every request must carry a
/// valid, fresh signature; anything else gets 401.
/// </summary>
public static class SlackEndpoints
{
    public const string CommandsPath = "/slack/commands";
    public const string ActionsPath = "/slack/actions";
    public const string EventsPath = "/slack/events";

    /// <summary>Slack's own payloads are a few kilobytes; anything far larger is not Slack.</summary>
    private const int MaxBodyBytes = 256 * 1024;

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
        if (await ReadVerifiedAsync(context) is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            return;
        }

        var command = SlashCommand.FromFields(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        var dispatcher = context.RequestServices.GetRequiredService<SlackCommandDispatcher>();
        var message = await dispatcher.AnswerSlashCommandAsync(command, context.RequestAborted);
        if (message is not null)
        {
            await context.Response.WriteAsJsonAsync(ResponseUrlMessage.From(message), SlackJson.Options, context.RequestAborted);
        }
    }

    private static async Task HandleActionAsync(HttpContext context)
    {
        if (await ReadVerifiedAsync(context) is not { } body)
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
            if (root.TryGetProperty("type", out var type) && type.GetString() == BlockActionRequest.PayloadType)
            {
                context.RequestServices.GetRequiredService<SlackCommandDispatcher>().StartBlockActions(BlockActionRequest.Parse(root));
            }
        }
    }

    private static async Task HandleEventAsync(HttpContext context)
    {
        if (await ReadVerifiedAsync(context) is not { } body || ParseOrNull(Encoding.UTF8.GetString(body)) is not { } json)
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
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "url_verification")
            {
                var challenge = root.TryGetProperty("challenge", out var c) ? c.GetString() ?? "" : "";
                await context.Response.WriteAsJsonAsync(new { challenge }, context.RequestAborted);
                return;
            }

            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
            Log.EventIgnored(logger, type ?? "(none)");
        }
    }

    /// <summary>The raw body when its signature is valid; otherwise null, with the response already set to 401 (or 413).</summary>
    private static async Task<byte[]?> ReadVerifiedAsync(HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        var body = buffer.ToArray();
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
