using ChatBot.Core;
using ChatBot.Core.Commands;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Commands;

public sealed class CommandRouterTests
{
    private readonly RecordingLogger<CommandRouter> _logger = new();

    [Fact]
    public async Task A_request_reaches_its_handler_with_checked_options()
    {
        var handler = new FakeHandler("show", context => Reply.Message("shown " + context.Arguments.RequiredText("id")));
        var router = new CommandRouter([handler], _logger);

        var reply = await router.HandleAsync(Request("show", ("id", "2106.04554")), CancellationToken.None);

        Assert.Equal("shown 2106.04554", Assert.Single(reply.Text));
        Assert.False(reply.IsError);
    }

    [Fact]
    public async Task A_misspelt_subcommand_gets_a_suggestion()
    {
        var router = new CommandRouter([new FakeHandler("search", _ => Reply.Message("x"))], _logger);

        var reply = await router.HandleAsync(Request("serch"), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal("/papers has no subcommand 'serch' \u2014 did you mean 'search'?", Assert.Single(reply.Text));
    }

    [Fact]
    public async Task An_unknown_command_points_to_help()
    {
        var router = new CommandRouter([], _logger);

        var reply = await router.HandleAsync(new CommandRequest("pappers", "search", new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal("There is no command /pappers. Try /papers help.", Assert.Single(reply.Text));
    }

    [Fact]
    public async Task A_user_error_from_a_handler_becomes_a_private_reply_with_its_message()
    {
        var router = new CommandRouter([new FakeHandler("show", _ => throw new ChatBotException("No paper 'x' is in the database."))], _logger);

        var reply = await router.HandleAsync(Request("show", ("id", "x")), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal("No paper 'x' is in the database.", Assert.Single(reply.Text));
    }

    [Fact]
    public async Task A_bug_in_a_handler_is_logged_and_answered_with_an_apology_without_details()
    {
        var router = new CommandRouter([new FakeHandler("show", _ => throw new InvalidOperationException("secret internals"))], _logger);

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
        var router = new CommandRouter([new FakeHandler("search", _ => { ran = true; return Reply.Message("x"); })], _logger);

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

    private static CommandRequest Request(string subcommand, params (string Name, string Value)[] options) =>
        new("papers", subcommand, options.ToDictionary(o => o.Name, o => o.Value));

    private sealed class FakeHandler(string subcommand, Func<CommandContext, Reply> answer) : ICommandHandler
    {
        public string Command => CommandCatalog.PapersCommand;

        public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand(subcommand)!;

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.FromResult(answer(context));
    }
}
