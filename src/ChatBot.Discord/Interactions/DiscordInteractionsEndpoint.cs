using System.Text.Json;
using ChatBot.Core.IO;
using ChatBot.Core.Json;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>, Discord's "Interactions Endpoint URL" (PROTOCOLS.md §1.4):
/// every request's Ed25519 signature is checked and its timestamp must be within 5 minutes of now
/// (401 when anything is off), PING is answered with PONG, and commands go to
/// <see cref="DiscordCommandAdapter"/>. A reply ready within DeferAfter of the request's arrival is the
/// HTTP response itself; a slower one is answered with a deferral (type 5) and filled in later through
/// the REST API. A second delivery of an interaction id gets the first delivery's response again; the
/// command runs once.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    public const string Path = "/discord/interactions";

    /// <summary>Discord's interaction bodies are a few KB; anything much larger is not from Discord.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>How long a second delivery waits for the first one's response (Discord waits 3 s for any).</summary>
    private static readonly TimeSpan RedeliveryWait = TimeSpan.FromSeconds(3);

    /// <summary>Maps the endpoint when <c>Discord:PublicKey</c> is set; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        if (!options.InteractionsEndpointEnabled)
        {
            return endpoints;
        }

        if (!DiscordSignatureVerifier.TryCreate(options.PublicKey, out var verifier) || verifier is null)
        {
            throw new OptionsValidationException(
                DiscordOptions.SectionName,
                typeof(DiscordOptions),
                [$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.PublicKey)} must be 64 hex characters."]);
        }

        endpoints.MapPost(Path, (HttpContext context) => HandleAsync(context, verifier));
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, DiscordSignatureVerifier verifier)
    {
        var services = context.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        // Discord's 3 seconds run from when it sent the request: reading and checking it count too.
        var receivedAt = clock.GetTimestamp();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DiscordInteractionsEndpoint).FullName!);
        var body = await BoundedRead.ReadAsync(context.Request.Body, context.Request.ContentLength, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.Verify(timestamp, body, context.Request.Headers["X-Signature-Ed25519"].ToString(), out var failure)
            || !SignatureTimestamp.IsFresh(timestamp, clock.GetUtcNow(), out failure))
        {
            Log.InteractionSignatureRejected(logger, failure);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        DiscordInteraction interaction;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (JsonFields.OptionalInt32(document.RootElement, "type") == DiscordInteraction.PingType)
            {
                await WriteAsync(context.Response, new InteractionCallback(InteractionCallback.Pong));
                return;
            }

            interaction = services.GetRequiredService<DiscordInteractionParser>().Parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            Log.InteractionMalformed(logger, e.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The command outlives this request when it is deferred: Core runs it until the host stops.
        var adapter = services.GetRequiredService<DiscordCommandAdapter>();
        var firstResponse = new TaskCompletionSource<InteractionCallback>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!services.GetRequiredService<RecentInteractionResponses>().TryClaim(interaction.Id, firstResponse.Task, out var earlier))
        {
            Log.InteractionRedelivered(logger, interaction.Id);
            await AnswerRedeliveryAsync(context, earlier, clock);
            return;
        }

        await adapter.AnswerAsync(
            interaction,
            receivedAt,
            (callback, _) =>
            {
                firstResponse.TrySetResult(callback);
                return Task.CompletedTask;
            });
        if (!firstResponse.Task.IsCompleted)
        {
            // Answering ended without a response: only shutdown does that.
            firstResponse.TrySetCanceled(CancellationToken.None);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await WriteAsync(context.Response, await firstResponse.Task);
    }

    private static async Task AnswerRedeliveryAsync(HttpContext context, Task<InteractionCallback> first, TimeProvider clock)
    {
        InteractionCallback callback;
        try
        {
            callback = await first.WaitAsync(RedeliveryWait, clock, context.RequestAborted);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The first delivery never got an answer out (shutdown): neither does this one.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await WriteAsync(context.Response, callback);
    }

    private static Task WriteAsync(HttpResponse response, InteractionCallback callback)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(callback), response.HttpContext.RequestAborted);
    }
}
