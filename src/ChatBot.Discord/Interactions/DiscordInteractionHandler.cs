using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// The one place gateway and HTTP interactions are answered. It runs the command through
/// <see cref="CommandRouter"/> and keeps Discord's 3-second rule: a reply ready within
/// <see cref="DiscordOptions.DeferAfter"/> is sent at once (callback type 4); a slower one is
/// deferred (type 5) and filled in with <c>PATCH …/messages/@original</c> when it is ready.
/// </summary>
/// <remarks>
/// A deferral must choose ephemeral or public before the reply exists: <c>help</c>, <c>/alerts</c> and
/// <c>/papers-admin</c> (always private) defer ephemerally, every other command publicly, so a slow search that ends in a
/// private message (an error, nothing found) shows in the channel. Button clicks are answered
/// with a new message (type 4), never by rewriting the clicked one (type 7): the earlier page
/// stays readable and the person who clicked need not be the one who ran the command.
/// </remarks>
internal sealed class DiscordInteractionHandler(
    CommandRouter router,
    DiscordInteractionParser parser,
    DiscordReplyRenderer renderer,
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordInteractionHandler> logger) : IDiscordInteractionDispatcher
{
    /// <summary>A gateway interaction: every answer goes through the REST callback endpoint; <see cref="JsonException"/> when it is not one.</summary>
    public Task DispatchAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        DiscordInteraction parsed;
        try
        {
            parsed = parser.Parse(interaction);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // A field of the wrong JSON kind.
            throw new JsonException("The interaction is malformed: " + e.Message, e);
        }

        return HandleAsync(
            parsed,
            (callback, token) => rest.RespondToInteractionAsync(parsed.Id, parsed.Token, callback, token),
            cancellationToken);
    }

    /// <summary>
    /// Answers <paramref name="interaction"/>: the first response (message or deferral) goes to
    /// <paramref name="respond"/> (the REST callback, or the HTTP endpoint's response body); a
    /// deferred reply is then sent as an edit of the original response. Failures to answer are
    /// logged, not thrown; only cancellation escapes.
    /// </summary>
    public async Task HandleAsync(
        DiscordInteraction interaction,
        Func<InteractionCallback, CancellationToken, Task> respond,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(respond);
        Log.InteractionReceived(logger, interaction.Id, interaction.Type, interaction.Request?.Subcommand ?? "-");
        var work = interaction.Request is { } request
            ? Task.Run(() => router.HandleAsync(request, cancellationToken), cancellationToken)
            : Task.FromResult(interaction.ImmediateReply ?? Reply.Error(DiscordInteractionParser.ExpiredButton));

        using var deferTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(options.Value.DeferAfter, timeProvider, deferTimer.Token);
        var deferred = await Task.WhenAny(work, deadline) != work;
        await deferTimer.CancelAsync();

        try
        {
            if (!deferred)
            {
                await respond(InteractionCallback.Message(Render(await work)), cancellationToken);
                return;
            }

            Log.InteractionDeferred(logger, interaction.Id, options.Value.DeferAfter);
            await respond(InteractionCallback.Defer(DefersEphemerally(interaction)), cancellationToken);
            var reply = await work;
            await rest.EditOriginalResponseAsync(interaction.Token, Render(reply), cancellationToken);
        }
        catch (Exception e) when (e is ChatPlatformException or HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.InteractionAnswerFailed(logger, interaction.Id, deferred, e);
        }
    }

    private static bool DefersEphemerally(DiscordInteraction interaction) =>
        interaction.Request is { } request
        && CommandCatalog.Find(request.Command) is { } command
        && command.RepliesPrivately(request.Subcommand);

    private MessagePayload Render(Reply reply) => renderer.Render(reply);
}
