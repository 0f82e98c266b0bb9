namespace ChatBot.Testing;

/// <summary>
/// Discord's REST API on a <see cref="LoopbackHttpServer"/> (under <c>/api/v10/</c>): the command
/// registry (<see cref="Commands"/>, empty at first), <c>GET /gateway/bot</c> once a gateway is
/// given, and a check of every request against Discord's documented rules
/// (<see cref="ProtocolViolations"/>). Tests script the rest of their scenario on <see cref="Server"/>.
/// </summary>
public sealed class FakeDiscordRestApi
{
    private FakeDiscordRestApi(LoopbackHttpServer server, string applicationId)
    {
        Server = server;
        Commands = new FakeDiscordCommandRegistry(server, applicationId);
    }

    public LoopbackHttpServer Server { get; }

    /// <summary>The API root to configure as <c>Discord:ApiBaseUrl</c>, e.g. <c>http://127.0.0.1:41234/api/v10</c>.</summary>
    public Uri ApiBaseUrl => new(Server.BaseAddress, "api/v10");

    public FakeDiscordCommandRegistry Commands { get; }

    /// <summary>
    /// Every documented rule a request broke so far, one line each (the command registry's
    /// refusals and <see cref="DiscordRestRules"/> over every recorded request). Empty when the
    /// bot spoke Discord's REST API as documented.
    /// </summary>
    public IReadOnlyList<string> ProtocolViolations =>
        [.. Commands.Violations, .. Server.Requests.SelectMany(DiscordRestRules.Check)];

    /// <summary>Serves the application <paramref name="applicationId"/>'s command registry on <paramref name="server"/>.</summary>
    public static FakeDiscordRestApi Attach(LoopbackHttpServer server, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new FakeDiscordRestApi(server, applicationId);
    }

    /// <summary>Answers <c>GET /gateway/bot</c> with <paramref name="gatewayUrl"/> and a session start limit.</summary>
    public void MapGatewayBot(Uri gatewayUrl, int remaining = 999, int resetAfterMilliseconds = 0, int maxConcurrency = 1, int shards = 1)
    {
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        Server.Map(DiscordRestRules.ApiPrefix + "gateway/bot", _ => ScriptedResponse.Json(
            $$$"""{"url":"{{{gatewayUrl.AbsoluteUri.TrimEnd('/')}}}","shards":{{{shards}}},"session_start_limit":{"total":1000,"remaining":{{{remaining}}},"reset_after":{{{resetAfterMilliseconds}}},"max_concurrency":{{{maxConcurrency}}}}}"""));
    }
}
