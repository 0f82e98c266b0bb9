using System.Text.Json;
using ChatBot.Core.Cluster;
using ChatBot.Core.Commands;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Discord's command adapter, shared by the gateway and the HTTP interactions endpoint: an interaction becomes a
/// <see cref="Caller"/> and a <see cref="CommandInput"/> (<see cref="DiscordInteractionParser"/>), and Core's
/// <see cref="CommandInvoker"/> answers it within <see cref="DiscordOptions.DeferAfter"/> of its arrival
/// (Discord allows 3 s): a ready reply as a message (callback type 4), else a deferral (type 5) filled in later with
/// <c>PATCH …/messages/@original</c> (<see cref="DiscordInteractionResponder"/>).
/// </summary>
/// <remarks>
/// Button clicks are answered with a new message (type 4), never by rewriting the clicked one (type 7): the earlier
/// page stays readable and the person who clicked need not be the one who ran the command.
/// </remarks>
internal sealed class DiscordCommandAdapter(
    CommandInvoker invoker,
    DiscordInteractionParser parser,
    DiscordReplyRenderer renderer,
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandAdapter> logger,
    IEventClaims? claims = null) : IDiscordInteractionDispatcher
{
    public const string Platform = "discord";

    /// <summary>
    /// A gateway interaction, received at <paramref name="receivedAt"/>: every answer goes through the REST callback
    /// endpoint. Returns at once; <see cref="JsonException"/> when the payload is not an interaction.
    /// </summary>
    public void Dispatch(JsonElement interaction, long receivedAt)
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

        _ = ClaimThenAnswerAsync(parsed, receivedAt);
    }

    /// <summary>
    /// Several processes may receive one interaction (shards handed over, a replay after a resume on another process):
    /// the one that claims it first (<see cref="IEventClaims"/>) answers. When the claim cannot be made (the database
    /// is down) it is answered anyway: a possible second answer is better than none.
    /// </summary>
    private async Task ClaimThenAnswerAsync(DiscordInteraction parsed, long receivedAt)
    {
        if (claims is not null)
        {
            try
            {
                if (!await claims.TryClaimAsync(Platform, [parsed.Id]))
                {
                    Log.InteractionClaimedElsewhere(logger, parsed.Id);
                    return;
                }
            }
#pragma warning disable CA1031 // Unclaimed is answered: see above.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.InteractionClaimFailed(logger, parsed.Id, e.Message);
            }
        }

        await AnswerAsync(parsed, receivedAt, (callback, token) => rest.RespondToInteractionAsync(parsed.Id, parsed.Token, callback, token));
    }

    /// <summary>
    /// Answers <paramref name="interaction"/>, received at <paramref name="receivedAt"/> (a <see cref="TimeProvider"/>
    /// timestamp): the first response (message or deferral) goes to <paramref name="respond"/> (the REST callback, or
    /// the HTTP endpoint's response body). Completes once that first response is given, or the command ended without one.
    /// </summary>
    public Task AnswerAsync(DiscordInteraction interaction, long receivedAt, Func<InteractionCallback, CancellationToken, Task> respond)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(respond);
        Log.InteractionReceived(logger, interaction.Id, interaction.Type);
        return invoker.AnswerAsync(
            interaction.Caller,
            interaction.Input,
            new ReplyBudget(receivedAt, options.Value.DeferAfter),
            new DiscordInteractionResponder(interaction.Token, respond, renderer, rest));
    }
}
