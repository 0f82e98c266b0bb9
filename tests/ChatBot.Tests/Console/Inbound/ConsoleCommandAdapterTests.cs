using System.Text;
using ChatBot.Console.Inbound;
using ChatBot.Core.Commands;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace ChatBot.Tests.Console.Inbound;

/// <summary>The console's adapter: the operator runs commands as an admin; <c>more</c> follows the reply's next page.</summary>
public sealed class ConsoleCommandAdapterTests : IDisposable
{
    private readonly StringWriter _output = new(new StringBuilder());
    private readonly CommandTracker _tracker = new();
    private readonly List<CommandRequest> _requests = [];
    private readonly ConsoleCommandAdapter _console;

    public ConsoleCommandAdapterTests()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        terminal.Profile.Width = 200;
        var router = new CommandRouter([new PagedSearch(_requests)], TestMetrics.Unobserved, NullLogger<CommandRouter>.Instance);
        _console = new ConsoleCommandAdapter(new CommandInvoker(router, _tracker, TimeProvider.System, NullLogger<CommandInvoker>.Instance), terminal);
    }

    public void Dispose()
    {
        _tracker.Dispose();
        _output.Dispose();
    }

    [Fact]
    public async Task More_runs_the_next_page_the_last_reply_offered_and_prints_it()
    {
        await _console.RunAsync("search diffusion", CancellationToken.None);
        var second = await _console.RunAsync("more", CancellationToken.None);
        var third = await _console.RunAsync("MORE", CancellationToken.None);

        Assert.Equal(["1", "2", "3"], _requests.Select(r => r.Options.TryGetValue("page", out var page) ? page : "1"));
        Assert.Equal("Page 2", second.Title);
        Assert.Equal("Page 3", third.Title);
        Assert.Contains("More results: /papers search diffusion --page 2", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_without_a_next_page_says_there_is_nothing_to_continue_and_runs_nothing()
    {
        var reply = await _console.RunAsync("more", CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Contains("Nothing to continue", reply.Text[0], StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task The_operator_runs_commands_from_the_console_as_an_admin()
    {
        await _console.RunAsync("/papers search mamba", CancellationToken.None);

        var caller = Assert.Single(_requests).Caller;
        Assert.Equal(("console", "console", true), (caller.Platform, caller.ChannelId, caller.IsAdmin));
    }

    /// <summary>Three pages of results for any query; the first two offer the next.</summary>
    private sealed class PagedSearch(List<CommandRequest> requests) : ICommandHandler
    {
        public string Command => CommandCatalog.PapersCommand;

        public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("search")!;

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            requests.Add(context.Request);
            var page = context.Arguments.Number("page", Definition);
            var query = context.Arguments.RequiredText("query");
            return Task.FromResult(new Reply
            {
                Title = $"Page {page}",
                NextPage = page < 3 ? $"/papers search {query} --page {page + 1}" : null,
            });
        }
    }
}
