using ChatBot.Testing;

namespace ChatBot.Tests.Alerts;

/// <summary>
/// The Slack side of the alert host tests: the Web API fake answering <c>conversations.open</c> (channel D1) and
/// <c>chat.postMessage</c> as Slack does (PROTOCOLS.md 2.5), the bot pointed at it with its HTTP endpoints on, runs of
/// the bot, and slash commands signed as Slack signs them (PROTOCOLS.md 2.2) from user U1.
/// </summary>
internal sealed class SlackAlertRun : IAsyncDisposable
{
    public const string BotToken = "xoxb-alert-test";
    public const string SigningSecret = "alert-test-signing-secret";
    public const string PostMessagePath = "/api/chat.postMessage";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private int _commands;

    private readonly FakeSlackWebApi _slack;

    private SlackAlertRun(FakeSlackWebApi slack) => _slack = slack;

    /// <summary>Every request the bot made to Slack (Web API methods and <c>response_url</c> posts).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _slack.Requests;

    /// <summary>Every <c>chat.postMessage</c> the bot made: its direct messages, as nothing else posts here.</summary>
    public IReadOnlyList<RecordedRequest> Posts => [.. _slack.Requests.Where(r => r.Path == PostMessagePath)];

    /// <summary>Every rule of Slack's the bot's requests broke (<see cref="FakeSlackWebApi.ProtocolViolations"/>).</summary>
    public IReadOnlyList<string> ProtocolViolations => _slack.ProtocolViolations;

    /// <summary>Starts the fake and points the bot's Slack settings at it, in <paramref name="environment"/>.</summary>
    public static async Task<SlackAlertRun> StartAsync(EnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var slack = await FakeSlackWebApi.StartAsync();
        slack.Map("/api/conversations.open", _ => ScriptedResponse.Json("""{"ok":true,"channel":{"id":"D1"}}"""));
        slack.Map(PostMessagePath, _ => ScriptedResponse.Json("""{"ok":true,"channel":"D1","ts":"1700000000.000001"}"""));
        environment.Set("Slack__BotToken", BotToken);
        environment.Set("Slack__SigningSecret", SigningSecret);
        environment.Set("Slack__ApiBaseUrl", slack.ApiBaseUrl.AbsoluteUri);
        return new SlackAlertRun(slack);
    }

    /// <summary>Runs the bot on <paramref name="dataPath"/> until <paramref name="whileRunning"/> is done; it never prints the bot token.</summary>
    public static Task RunAsync(string dataPath, Func<RunningBot, Task> whileRunning) => RunningBot.RunAsync(dataPath, BotToken, whileRunning);

    /// <summary>
    /// Sends <c>/<paramref name="command"/> <paramref name="text"/></c> and returns the reply: the acknowledgement's body,
    /// or, when the bot deferred (an empty 200 within 3 s), what it then posted to the command's <c>response_url</c>
    /// (PROTOCOLS.md 2.1). A command that needs the model may take either way.
    /// </summary>
    public async Task<string> CommandAsync(RunningBot bot, string command, string text)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var number = Interlocked.Increment(ref _commands);
        var hook = $"/commands/T1/{number}/hook";
        _slack.Map(hook, _ => ScriptedResponse.Text("ok"));
        using var http = new HttpClient { BaseAddress = bot.Url };
        var inline = await SlackSlashCommand.PostAsync(http, SigningSecret, command, text, new Uri(_slack.BaseAddress, hook), $"trigger-{number}");
        return inline.Length > 0 ? inline : (await _slack.WaitForRequestAsync(r => r.Path == hook, Patience)).Body;
    }

    public Task<RecordedRequest> WaitForPostAsync() => _slack.WaitForRequestAsync(r => r.Path == PostMessagePath, Patience);

    public ValueTask DisposeAsync() => _slack.DisposeAsync();
}
