using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Commands;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests.Inbound;

/// <summary>Discord's adapter on Core's invoker: Discord's words for who is an admin, DeferAfter counted from receipt.</summary>
public sealed class DiscordCommandAdapterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_member_without_Manage_Channels_is_refused_privately_and_told_what_it_takes()
    {
        var ran = false;
        var dailySet = new AdminHandler(() => ran = true);
        // A clock that stands still: the answer is inline however slow the machine.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var rest = await FakeDiscordRest.StartAsync(clock);
        using var tracker = new CommandTracker();
        var adapter = Adapter(rest, tracker, clock, dailySet);
        var callbacks = new List<InteractionCallback>();

        await adapter.AnswerAsync(Parse(DailySet("i1", permissions: "0")), clock.GetTimestamp(), Capture(callbacks)).WaitAsync(Patience);

        var callback = Assert.Single(callbacks);
        Assert.Equal(InteractionCallback.ChannelMessage, callback.Type);
        var message = Assert.IsType<MessagePayload>(callback.Data);
        Assert.Equal(MessagePayload.EphemeralFlag, message.Flags);
        Assert.Contains("Only admins can use /papers-admin", message.Content, StringComparison.Ordinal);
        Assert.Contains("Manage Channels", message.Content, StringComparison.Ordinal);
        Assert.False(ran);
    }

    [Fact]
    public async Task An_interaction_that_waited_past_DeferAfter_before_its_turn_is_deferred_at_once_then_edited()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var rest = await FakeDiscordRest.StartAsync(clock);
        rest.Server.Map(InteractionPayloads.OriginalPath("late"), _ => ScriptedResponse.Json("""{"id":"m1","channel_id":"c1"}"""));
        using var tracker = new CommandTracker();
        var search = new FakeSearchHandler();
        var adapter = Adapter(rest, tracker, clock, search);
        var callbacks = new List<InteractionCallback>();
        var receivedAt = clock.GetTimestamp();
        clock.Advance(rest.Options.DeferAfter + TimeSpan.FromMilliseconds(1));

        await adapter.AnswerAsync(Parse(InteractionPayloads.Search("late", "diffusion")), receivedAt, Capture(callbacks)).WaitAsync(Patience);
        var edit = (await rest.Server.WaitForRequestsAsync(1, Patience)).Single();

        var callback = Assert.Single(callbacks);
        Assert.Equal(InteractionCallback.DeferredChannelMessage, callback.Type);
        Assert.Null(callback.Data); // a search answers in the channel: not an ephemeral deferral
        Assert.Equal(("PATCH", InteractionPayloads.OriginalPath("late")), (edit.Method, edit.Path));
        Assert.Contains("Results for diffusion", JsonNode.Parse(edit.Body)!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static DiscordCommandAdapter Adapter(FakeDiscordRest rest, CommandTracker tracker, TimeProvider clock, params ICommandHandler[] handlers)
    {
        var router = new CommandRouter(handlers, rest.Metrics.Metrics, NullLogger<CommandRouter>.Instance);
        var invoker = new CommandInvoker(router, tracker, clock, new RecordingLogger<CommandInvoker>());
        var actionIds = new DiscordActionIds();
        return new DiscordCommandAdapter(invoker, new DiscordInteractionParser(actionIds), new DiscordReplyRenderer(actionIds), rest.Client, Options.Create(rest.Options), new RecordingLogger<DiscordCommandAdapter>());
    }

    private static Func<InteractionCallback, CancellationToken, Task> Capture(List<InteractionCallback> callbacks) => (callback, _) =>
    {
        lock (callbacks)
        {
            callbacks.Add(callback);
        }

        return Task.CompletedTask;
    };

    private static JsonObject DailySet(string id, string permissions)
    {
        var interaction = InteractionPayloads.Search(id, "x", permissions);
        interaction["data"]!["name"] = CommandCatalog.PapersAdminCommand;
        interaction["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["name"] = "daily",
            ["type"] = 2,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = "set",
                ["type"] = 1,
                ["options"] = new JsonArray(
                    new JsonObject { ["name"] = "time", ["type"] = 3, ["value"] = "09:00" },
                    new JsonObject { ["name"] = "timezone", ["type"] = 3, ["value"] = "UTC" }),
            }),
        });
        return interaction;
    }

    private static DiscordInteraction Parse(JsonObject interaction)
    {
        using var document = JsonDocument.Parse(interaction.ToJsonString());
        return new DiscordInteractionParser(new DiscordActionIds()).Parse(document.RootElement);
    }

    private sealed class AdminHandler(Action ran) : ICommandHandler
    {
        public string Command => CommandCatalog.PapersAdminCommand;

        public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily set")!;

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            ran();
            return Task.FromResult(Reply.Message("set"));
        }
    }
}
