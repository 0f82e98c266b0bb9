using ChatBot.Discord.Platform;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests;

/// <summary>
/// Discord's REST API faked on a <see cref="LoopbackHttpServer"/> (under <c>/api/v10/</c>), with a
/// real <see cref="DiscordRestClient"/> pointed at it. Pass a <see cref="TestClock"/> to drive rate
/// limit waits and backoffs deterministically; the server stamps requests on the same clock. The
/// command registry starts empty (<see cref="Commands"/>), and every request is checked against
/// Discord's documented rules (<see cref="ProtocolViolations"/>).
/// </summary>
internal sealed class FakeDiscordRest : IAsyncDisposable
{
    public const string Token = "test-bot-token-DO-NOT-LEAK";
    public const string ApplicationId = "111";

    private readonly LoopbackHttpClientFactory _httpClientFactory;

    private FakeDiscordRest(LoopbackHttpServer server, TimeProvider clock, DiscordOptions options, TimeSpan? attemptTimeout)
    {
        _httpClientFactory = new LoopbackHttpClientFactory(attemptTimeout);
        Server = server;
        RestApi = FakeDiscordRestApi.Attach(server, ApplicationId);
        if (options.GuildId is { } guildId)
        {
            RestApi.Commands.MapGuild(guildId);
        }

        Options = options;
        Client = new DiscordRestClient(
            _httpClientFactory,
            new FixedOptionsMonitor<DiscordOptions>(options),
            new DiscordRateLimiter(clock, new RecordingLogger<DiscordRateLimiter>()),
            Metrics.Metrics,
            clock,
            Logger);
        Platform = new DiscordPlatform(Client, new DiscordReplyRenderer(new DiscordActionIds()), new RecordingLogger<DiscordPlatform>());
    }

    public LoopbackHttpServer Server { get; }

    public FakeDiscordRestApi RestApi { get; }

    /// <summary>Discord's application commands as the fake holds them (empty at first); records every bulk overwrite.</summary>
    public FakeDiscordCommandRegistry Commands => RestApi.Commands;

    /// <summary>Each documented rule a request to this fake broke; empty when the client spoke Discord's REST API correctly.</summary>
    public IReadOnlyList<string> ProtocolViolations => RestApi.ProtocolViolations;

    public DiscordOptions Options { get; }

    public DiscordRestClient Client { get; }

    public DiscordPlatform Platform { get; }

    public RecordingLogger<DiscordRestClient> Logger { get; } = new();

    /// <summary>The metrics the client records (429s); shared with whatever else a test builds on this fake.</summary>
    public TestMetrics Metrics { get; } = new();

    /// <summary>Starts the fake; <paramref name="attemptTimeout"/> bounds each HTTP attempt of the client (10 s by default).</summary>
    public static async Task<FakeDiscordRest> StartAsync(TimeProvider? clock = null, string? guildId = null, TimeSpan? attemptTimeout = null)
    {
        clock ??= TimeProvider.System;
        var server = await LoopbackHttpServer.StartAsync(clock);
        var options = new DiscordOptions
        {
            Token = Token,
            ApplicationId = ApplicationId,
            GuildId = guildId,
            ApiBaseUrl = new Uri(server.BaseAddress, "api/v10"),
        };
        return new FakeDiscordRest(server, clock, options, attemptTimeout);
    }

    /// <summary>The server path of an API path: <c>channels/1/messages</c> → <c>/api/v10/channels/1/messages</c>.</summary>
    public static string Api(string path) => "/api/v10/" + path.TrimStart('/');

    /// <summary>A message as <c>POST /channels/{id}/messages</c> returns it.</summary>
    public static ScriptedResponse Message(string id, string channelId) =>
        ScriptedResponse.Json($$"""{"id":"{{id}}","channel_id":"{{channelId}}","content":""}""");

    public static ScriptedResponse Error(int status, long code, string message) =>
        ScriptedResponse.Json($$"""{"code":{{code}},"message":"{{message}}"}""", status);

    /// <summary>Set by a test that makes the client break a rule on purpose; otherwise disposing asserts <see cref="ProtocolViolations"/> is empty.</summary>
    public bool ExpectViolations { get; set; }

    public async ValueTask DisposeAsync()
    {
        IReadOnlyList<string> violations = ExpectViolations ? [] : ProtocolViolations;
        await Server.DisposeAsync();
        _httpClientFactory.Dispose();
        Metrics.Dispose();
        Assert.True(violations.Count == 0, "Requests broke Discord's documented rules: " + string.Join(" | ", violations));
    }
}
