using ChatBot.Core;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Telemetry;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Commands;

public sealed class CommandRouterTests : IDisposable
{
    private readonly RecordingLogger<CommandRouter> _logger = new();
    private readonly TestMetrics _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task A_request_reaches_its_handler_with_checked_options()
    {
        var handler = new FakeHandler("show", context => Reply.Message("shown " + context.Arguments.RequiredText("id")));
        var router = new CommandRouter([handler], _metrics.Metrics, _logger);

        var reply = await router.HandleAsync(Request("show", ("id", "2106.04554")), CancellationToken.None);

        Assert.Equal("shown 2106.04554", Assert.Single(reply.Text));
        Assert.False(reply.IsError);
    }

    [Fact]
    public async Task A_misspelt_subcommand_gets_a_suggestion()
    {
        var router = new CommandRouter([new FakeHandler("search", _ => Reply.Message("x"))], _metrics.Metrics, _logger);

        var reply = await router.HandleAsync(Request("serch"), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal("/papers has no subcommand 'serch' \u2014 did you mean 'search'?", Assert.Single(reply.Text));
    }

    [Fact]
    public async Task An_unknown_command_points_to_help()
    {
        var router = new CommandRouter([], _metrics.Metrics, _logger);

        var reply = await router.HandleAsync(new CommandRequest("pappers", "search", new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal("There is no command /pappers. Try /papers help.", Assert.Single(reply.Text));
    }

    [Fact]
    public async Task A_user_error_from_a_handler_becomes_a_private_reply_with_its_message()
    {
        var router = new CommandRouter([new FakeHandler("show", _ => throw new ChatBotException("No paper 'x' is in the database."))], _metrics.Metrics, _logger);

        var reply = await router.HandleAsync(Request("show", ("id", "x")), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal("No paper 'x' is in the database.", Assert.Single(reply.Text));
    }

    [Fact]
    public async Task A_bug_in_a_handler_is_logged_and_answered_with_an_apology_without_details()
    {
        var router = new CommandRouter([new FakeHandler("show", _ => throw new InvalidOperationException("secret internals"))], _metrics.Metrics, _logger);

        var reply = await router.HandleAsync(Request("show", ("id", "x")), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.DoesNotContain("secret internals", Assert.Single(reply.Text), StringComparison.Ordinal);
        Assert.StartsWith("Sorry, /papers show failed", reply.Text[0], StringComparison.Ordinal);
        var entry = Assert.Single(_logger.Entries, e => e.Exception is not null);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task Bad_options_are_refused_before_the_handler_runs()
    {
        var ran = false;
        var router = new CommandRouter([new FakeHandler("search", _ => { ran = true; return Reply.Message("x"); })], _metrics.Metrics, _logger);

        var reply = await router.HandleAsync(Request("search", ("query", "x"), ("limit", "99")), CancellationToken.None);

        Assert.False(ran);
        Assert.True(reply.IsError);
        Assert.Contains("'limit'", reply.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_subcommand_of_the_catalog_with_its_usage()
    {
        var reply = CommandHelp.For(CommandCatalog.All);

        foreach (var subcommand in CommandCatalog.Papers.Subcommands)
        {
            Assert.Contains(reply.Text, t => t.StartsWith($"/papers {subcommand.Usage()}", StringComparison.Ordinal));
        }

        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("papers", "search", false)]
    [InlineData("papers", "help", true)]
    [InlineData("alerts", "add", true)]
    [InlineData("papers-admin", "daily set", true)]
    public void Commands_known_to_answer_privately_say_so_before_they_run(string command, string subcommand, bool privately)
    {
        Assert.Equal(privately, CommandCatalog.Find(command)!.RepliesPrivately(subcommand));
    }

    [Theory]
    [InlineData("ask the workspace owner to add you.", "Only admins can use /papers-admin: ask the workspace owner to add you.")]
    [InlineData("", "Only admins can use /papers-admin.")]
    public async Task An_admin_command_is_refused_to_others_with_the_hint_their_platform_gave(string hint, string refusal)
    {
        var ran = false;
        var router = new CommandRouter([new FakeHandler("daily set", _ => { ran = true; return Reply.Message("set"); }, CommandCatalog.PapersAdminCommand)], _metrics.Metrics, _logger);
        var caller = new Caller("chat", new ChatUser("U1")) { ChannelId = "C1", AdminHint = hint };

        var reply = await router.HandleAsync(
            new CommandRequest(CommandCatalog.PapersAdminCommand, "daily set", new Dictionary<string, string> { ["time"] = "09:00", ["timezone"] = "UTC" }) { Caller = caller },
            CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal(refusal, Assert.Single(reply.Text));
        Assert.False(ran);
    }

    [Fact]
    public async Task Every_command_is_counted_by_its_catalog_name_and_outcome_never_by_what_was_typed()
    {
        using var commands = _metrics.Counter("commands_total");
        var router = new CommandRouter(
            [
                new FakeHandler("show", _ => Reply.Message("shown")),
                new FakeHandler("search", _ => throw new ChatBotException("Unclosed quote.")),
                new FakeHandler("similar", _ => throw new InvalidOperationException("bug")),
                new FakeHandler("trending", _ => Reply.Error("Nothing trends.")),
                new FakeHandler("daily set", _ => Reply.Message("set"), CommandCatalog.PapersAdminCommand),
            ],
            _metrics.Metrics,
            _logger);

        await router.HandleAsync(Request("show", ("id", "1")), CancellationToken.None);
        await router.HandleAsync(Request("search", ("query", "\"open")), CancellationToken.None);
        await router.HandleAsync(Request("similar", ("id", "1")), CancellationToken.None);
        await router.HandleAsync(Request("trending"), CancellationToken.None);
        await router.HandleAsync(Request("serch"), CancellationToken.None);
        await router.HandleAsync(new CommandRequest("pappers", "x", new Dictionary<string, string>()), CancellationToken.None);
        await router.HandleAsync(
            new CommandRequest(CommandCatalog.PapersAdminCommand, "daily set", new Dictionary<string, string> { ["time"] = "09:00", ["timezone"] = "UTC" }),
            CancellationToken.None);

        Assert.Equal(
            [
                "papers show/ok", "papers search/user_error", "papers similar/error", "papers trending/user_error",
                "unknown/user_error", "unknown/user_error", "papers-admin daily set/denied",
            ],
            commands.GetMeasurementSnapshot().Select(m => $"{m.Tags["command"]}/{m.Tags["outcome"]}"));
        Assert.All(commands.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public async Task The_time_a_handler_ran_is_recorded_in_seconds_per_command()
    {
        using var durations = _metrics.Histogram("command_duration_seconds");
        var router = new CommandRouter([new FakeHandler("show", _ => { Thread.Sleep(50); return Reply.Message("shown"); })], _metrics.Metrics, _logger);

        await router.HandleAsync(Request("show", ("id", "1")), CancellationToken.None);
        await router.HandleAsync(Request("nonsense"), CancellationToken.None);

        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("papers show", duration.Tags["command"]);
        Assert.InRange(duration.Value, 0.045, 5);
    }

    private static CommandRequest Request(string subcommand, params (string Name, string Value)[] options) =>
        new("papers", subcommand, options.ToDictionary(o => o.Name, o => o.Value));

    private sealed class FakeHandler(string subcommand, Func<CommandContext, Reply> answer, string command = CommandCatalog.PapersCommand) : ICommandHandler
    {
        public string Command => command;

        public SubcommandDefinition Definition { get; } = CommandCatalog.Find(command)!.FindSubcommand(subcommand)!;

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.FromResult(answer(context));
    }
}
