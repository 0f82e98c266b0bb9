using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Commands;

/// <summary>The one way in for every platform's commands: parse, stamp the caller, answer inline or defer by the budget from receipt, drain.</summary>
public sealed class CommandInvokerTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly Caller Alice = new("chat", new ChatUser("U1", "alice")) { ChannelId = "C1", WorkspaceId = "W1", AdminHint = "ask the owner." };

    private readonly TestClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CommandTracker _tracker = new();
    private readonly RecordingLogger<CommandInvoker> _logger = new();
    private readonly TestMetrics _metrics = new();
    private readonly RecordingResponder _responder = new();

    public void Dispose()
    {
        _tracker.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task A_reply_ready_within_the_budget_is_the_one_answer_and_the_handler_sees_who_asked()
    {
        var search = new Handler("search", (context, _) => Task.FromResult(Reply.Message("found " + context.Request.Options["query"])));

        await Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("/papers search diffusion"), new ReplyBudget(_clock.GetTimestamp(), Budget), _responder).WaitAsync(Patience);

        Assert.Equal(["reply: found diffusion"], _responder.Events);
        Assert.Same(Alice, Assert.Single(search.Requests).Caller);
    }

    [Fact]
    public async Task The_budget_counts_from_when_the_payload_arrived_not_from_when_the_invoker_got_to_it()
    {
        var gate = new TaskCompletionSource();
        var search = new Handler("search", async (_, _) =>
        {
            await gate.Task;
            return Reply.Message("slow");
        });
        var receivedAt = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(1)); // queued for a second before its turn came

        var answering = Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(receivedAt, Budget), _responder);

        // Half a second of the budget is left, so that is how long it waits for the reply.
        Assert.Equal(TimeSpan.FromSeconds(0.5), await _clock.NextTimerAsync(due => due > TimeSpan.Zero));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        await answering.WaitAsync(Patience);
        Assert.Equal(["defer: Channel"], _responder.Events);

        gate.SetResult();
        await _responder.FollowedUp.WaitAsync(Patience);
        Assert.Equal(["defer: Channel", "follow-up: slow"], _responder.Events);
    }

    [Fact]
    public async Task A_reply_that_comes_within_what_is_left_of_the_budget_is_still_answered_inline()
    {
        var gate = new TaskCompletionSource();
        var search = new Handler("search", async (_, _) =>
        {
            await gate.Task;
            return Reply.Message("just in time");
        });
        var receivedAt = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(1));

        var answering = Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(receivedAt, Budget), _responder);
        await _clock.NextTimerAsync(due => due > TimeSpan.Zero);
        _clock.Advance(TimeSpan.FromSeconds(0.4));
        gate.SetResult();
        await answering.WaitAsync(Patience);

        Assert.Equal(["reply: just in time"], _responder.Events);
    }

    [Fact]
    public async Task A_budget_spent_before_its_turn_came_defers_at_once_even_when_the_reply_would_be_ready()
    {
        var search = new Handler("search", (_, _) => Task.FromResult(Reply.Message("instant")));
        var receivedAt = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(2));

        await Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(receivedAt, Budget), _responder).WaitAsync(Patience);
        await _responder.FollowedUp.WaitAsync(Patience);

        Assert.Equal(["defer: Channel", "follow-up: instant"], _responder.Events);
    }

    [Theory]
    [InlineData("help", ReplyVisibility.Private)]
    [InlineData("search diffusion", ReplyVisibility.Channel)]
    [InlineData("/alerts list", ReplyVisibility.Private)]
    public async Task A_deferral_says_beforehand_whether_the_reply_will_be_private(string line, ReplyVisibility visibility)
    {
        var invoker = Invoker(
            new Handler("help", (_, _) => Task.FromResult(Reply.Message("help"))),
            new Handler("search", (_, _) => Task.FromResult(Reply.Message("found"))),
            new Handler("list", (_, _) => Task.FromResult(Reply.Message("alerts")), CommandCatalog.AlertsCommand));

        await invoker.AnswerAsync(Alice, CommandInput.FromLine(line), new ReplyBudget(_clock.GetTimestamp(), TimeSpan.Zero), _responder).WaitAsync(Patience);

        Assert.Equal("defer: " + visibility, _responder.Events[0]);
    }

    [Fact]
    public async Task Text_that_does_not_parse_is_answered_with_the_parsers_message_privately_and_runs_nothing()
    {
        var search = new Handler("search", (_, _) => Task.FromResult(Reply.Message("ran")));

        await Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search diffusion --nope 2"), new ReplyBudget(_clock.GetTimestamp(), Budget), _responder).WaitAsync(Patience);

        var reply = Assert.Single(_responder.Replies);
        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("--nope", reply.Text[0], StringComparison.Ordinal);
        Assert.Empty(search.Requests);
    }

    [Fact]
    public async Task The_text_after_a_command_the_platform_names_apart_is_parsed_for_that_command()
    {
        var add = new Handler("add", (context, _) => Task.FromResult(Reply.Message("added " + context.Request.Options["query"])), CommandCatalog.AlertsCommand);

        var reply = await Invoker(add).RunAsync(Alice, CommandInput.FromArguments("/alerts", "add mamba"), CancellationToken.None);

        Assert.Equal(["added mamba"], reply.Text);
    }

    [Fact]
    public async Task A_users_mistake_in_a_handler_becomes_a_private_error_reply()
    {
        var show = new Handler("show", (_, _) => throw new ChatBotException("No paper 'x' is in the database."));

        var reply = await Invoker(show).RunAsync(Alice, CommandInput.FromLine("show x"), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal(["No paper 'x' is in the database."], reply.Text);
    }

    [Fact]
    public async Task A_failing_handler_gets_the_short_apology_not_its_exception()
    {
        var show = new Handler("show", (_, _) => throw new InvalidOperationException("secret internals"));

        await Invoker(show).AnswerAsync(Alice, CommandInput.FromLine("show x"), new ReplyBudget(_clock.GetTimestamp(), Budget), _responder).WaitAsync(Patience);

        var reply = Assert.Single(_responder.Replies);
        Assert.True(reply.IsError);
        Assert.DoesNotContain("secret", reply.Text[0], StringComparison.Ordinal);
        Assert.Contains("failed on our side", reply.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_known_without_running_anything_is_given_as_it_is()
    {
        var expired = Reply.Error("This button has expired.");

        await Invoker().AnswerAsync(Alice, CommandInput.FromReply(expired), new ReplyBudget(_clock.GetTimestamp(), Budget), _responder).WaitAsync(Patience);

        Assert.Same(expired, Assert.Single(_responder.Replies));
    }

    [Fact]
    public async Task A_failure_to_answer_is_logged_with_the_platform_and_never_reaches_the_adapter()
    {
        var search = new Handler("search", (_, _) => Task.FromResult(Reply.Message("found")));
        _responder.Failure = new InvalidOperationException("the platform refused the answer");

        await Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(_clock.GetTimestamp(), Budget), _responder).WaitAsync(Patience);

        var entry = Assert.Single(_logger.Entries, e => e.EventId.Id == 1304);
        Assert.Same(_responder.Failure, entry.Exception);
        Assert.StartsWith("chat: answering /papers search failed", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_never_runs_on_the_thread_that_hands_it_over()
    {
        // A handler that blocks its thread: handed over on a receive loop, it would hold the loop until released.
        using var gate = new ManualResetEventSlim();
        var search = new Handler("search", (_, _) =>
        {
            gate.Wait(Patience, CancellationToken.None);
            return Task.FromResult(Reply.Message("unblocked"));
        });
        var invoker = Invoker(search);
        try
        {
            var handingOver = Task.Run(() => invoker.AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(_clock.GetTimestamp(), TimeSpan.Zero), _responder));
            await handingOver.WaitAsync(Patience);
            Assert.Equal(["defer: Channel"], _responder.Events);
        }
        finally
        {
            gate.Set();
        }

        await _responder.FollowedUp.WaitAsync(Patience);
    }

    [Fact]
    public async Task Stopping_cancels_the_commands_under_way_and_waits_for_them_to_end()
    {
        var started = new TaskCompletionSource();
        var cancelled = false;
        var search = new Handler("search", async (_, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return Reply.Message("never");
        });
        await Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(_clock.GetTimestamp(), TimeSpan.Zero), _responder).WaitAsync(Patience);
        await started.Task.WaitAsync(Patience);

        await _tracker.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.True(cancelled);
        Assert.Equal(["defer: Channel"], _responder.Events);
    }

    [Fact]
    public async Task Stopping_waits_for_a_command_that_is_still_finishing_and_sends_nothing_after()
    {
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        var search = new Handler("search", async (_, _) =>
        {
            started.SetResult();
            await gate.Task; // does not look at its cancellation token
            return Reply.Message("too late");
        });
        await Invoker(search).AnswerAsync(Alice, CommandInput.FromLine("search x"), new ReplyBudget(_clock.GetTimestamp(), TimeSpan.Zero), _responder).WaitAsync(Patience);
        await started.Task.WaitAsync(Patience);

        var stopping = _tracker.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        gate.SetResult();
        await stopping.WaitAsync(Patience);

        Assert.Equal(["defer: Channel"], _responder.Events);
    }

    private CommandInvoker Invoker(params ICommandHandler[] handlers) =>
        new(new CommandRouter(handlers, _metrics.Metrics, NullLogger<CommandRouter>.Instance), _tracker, _clock, _logger);

    private sealed class Handler(string subcommand, Func<CommandContext, CancellationToken, Task<Reply>> answer, string command = CommandCatalog.PapersCommand) : ICommandHandler
    {
        private readonly List<CommandRequest> _requests = [];

        public string Command => command;

        public SubcommandDefinition Definition { get; } = CommandCatalog.Find(command)!.FindSubcommand(subcommand)!;

        public IReadOnlyList<CommandRequest> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            lock (_requests)
            {
                _requests.Add(context.Request);
            }

            return answer(context, cancellationToken);
        }
    }

    /// <summary>Records what the invoker asked it to send, in order.</summary>
    private sealed class RecordingResponder : ICommandResponder
    {
        private readonly List<string> _events = [];
        private readonly List<Reply> _replies = [];
        private readonly TaskCompletionSource _followedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; set; }

        public IReadOnlyList<string> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public IReadOnlyList<Reply> Replies
        {
            get
            {
                lock (_events)
                {
                    return [.. _replies];
                }
            }
        }

        public Task FollowedUp => _followedUp.Task;

        public Task ReplyAsync(Reply reply, CancellationToken cancellationToken)
        {
            Record("reply: " + string.Join(' ', reply.Text), reply);
            return Failure is null ? Task.CompletedTask : Task.FromException(Failure);
        }

        public Task DeferAsync(ReplyVisibility visibility, CancellationToken cancellationToken)
        {
            Record("defer: " + visibility, reply: null);
            return Task.CompletedTask;
        }

        public Task FollowUpAsync(Reply reply, CancellationToken cancellationToken)
        {
            Record("follow-up: " + string.Join(' ', reply.Text), reply);
            _followedUp.TrySetResult();
            return Task.CompletedTask;
        }

        private void Record(string what, Reply? reply)
        {
            lock (_events)
            {
                _events.Add(what);
                if (reply is not null)
                {
                    _replies.Add(reply);
                }
            }
        }
    }
}
