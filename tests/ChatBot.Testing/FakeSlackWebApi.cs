using System.Text.Json;

namespace ChatBot.Testing;

/// <summary>
/// Slack's Web API (<c>/api/{method}</c>) and <c>response_url</c> hooks (any other path) on a scriptable
/// <see cref="LoopbackHttpServer"/>: tests script answers per path as before, and <see cref="ProtocolViolations"/>
/// lists every request that breaks a rule Slack documents, so a test that runs the client normally asserts it is empty.
/// </summary>
/// <remarks>
/// Rules checked (https://api.slack.com/web, https://api.slack.com/methods/chat.postMessage,
/// https://api.slack.com/interactivity/handling#message_responses): every method is a POST; a JSON body is sent as
/// <c>application/json; charset=utf-8</c> (otherwise Slack warns <c>missing_charset</c>) with the token in an
/// <c>Authorization: Bearer</c> header (a JSON body cannot carry it); <c>apps.connections.open</c> takes the
/// app-level token (<c>xapp-</c>), every other method the bot token (<c>xoxb-</c>); <c>chat.postMessage</c> has a
/// channel and a message within Slack's limits (<see cref="SlackMessageRules"/>); a <c>response_url</c> is posted
/// JSON at most 5 times.
/// </remarks>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    /// <summary>Slack: a response_url can be used up to 5 times within 30 minutes.</summary>
    public const int MaxResponseUrlPosts = 5;

    private FakeSlackWebApi(LoopbackHttpServer server)
    {
        Server = server;
    }

    /// <summary>The underlying server (scripting, waiting, the raw requests).</summary>
    public LoopbackHttpServer Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be: <c>http://127.0.0.1:port/api/</c>.</summary>
    public Uri ApiBaseUrl => new(Server.BaseAddress, "api/");

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    /// <summary>Every documented rule a request broke, one line each, in arrival order.</summary>
    public IReadOnlyList<string> ProtocolViolations
    {
        get
        {
            var violations = new List<string>();
            var responseUrlPosts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var request in Requests)
            {
                if (request.Path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    violations.AddRange(CheckMethodCall(request));
                }
                else
                {
                    var count = responseUrlPosts[request.Path] = responseUrlPosts.GetValueOrDefault(request.Path) + 1;
                    if (count == MaxResponseUrlPosts + 1)
                    {
                        violations.Add($"{request.Path}: response_url posted more than {MaxResponseUrlPosts} times");
                    }

                    violations.AddRange(CheckResponseUrlPost(request));
                }
            }

            return violations;
        }
    }

    public static async Task<FakeSlackWebApi> StartAsync(TimeProvider? timeProvider = null) =>
        new(await LoopbackHttpServer.StartAsync(timeProvider));

    /// <inheritdoc cref="LoopbackHttpServer.Map(string, Func{RecordedRequest, ScriptedResponse})"/>
    public void Map(string path, Func<RecordedRequest, ScriptedResponse> handler) => Server.Map(path, handler);

    /// <inheritdoc cref="LoopbackHttpServer.Map(string, string, Func{RecordedRequest, CancellationToken, Task{ScriptedResponse}})"/>
    public void Map(string method, string path, Func<RecordedRequest, CancellationToken, Task<ScriptedResponse>> handler) => Server.Map(method, path, handler);

    /// <inheritdoc cref="LoopbackHttpServer.Enqueue"/>
    public void Enqueue(string path, params ScriptedResponse[] responses) => Server.Enqueue(path, responses);

    /// <inheritdoc cref="LoopbackHttpServer.WaitForRequestsAsync"/>
    public Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null) => Server.WaitForRequestsAsync(count, timeout);

    /// <inheritdoc cref="LoopbackHttpServer.WaitForRequestAsync"/>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null) => Server.WaitForRequestAsync(match, timeout);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static IEnumerable<string> CheckMethodCall(RecordedRequest request)
    {
        var method = request.Path["/api/".Length..];
        var where = "Web API " + method;
        if (request.Method != "POST")
        {
            yield return $"{where}: {request.Method} instead of POST";
        }

        var authorization = request.Header("Authorization") ?? "";
        var expected = method == "apps.connections.open" ? "xapp-" : "xoxb-";
        if (!authorization.StartsWith("Bearer " + expected, StringComparison.Ordinal))
        {
            yield return $"{where}: no Authorization: Bearer {expected}… header (this method takes the {(expected == "xapp-" ? "app-level" : "bot")} token)";
        }

        var contentType = request.Header("Content-Type") ?? "";
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{where}: Content-Type '{contentType}' is neither JSON nor a form";
            yield break;
        }

        if (!contentType.Contains("charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{where}: JSON without charset=utf-8 (Slack warns missing_charset)";
        }

        using var body = Parse(request.Body);
        if (body is null || body.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield return $"{where}: the body is not a JSON object";
            yield break;
        }

        var root = body.RootElement;
        var violations = new List<string>();
        switch (method)
        {
            case "chat.postMessage":
                RequireString(violations, where, root, "channel");
                if (root.TryGetProperty("thread_ts", out var threadTs) && threadTs.ValueKind != JsonValueKind.String)
                {
                    violations.Add($"{where}: thread_ts is not a string");
                }

                violations.AddRange(SlackMessageRules.Check(where, root, requireText: true));
                break;
            case "chat.update":
                RequireString(violations, where, root, "channel");
                RequireString(violations, where, root, "ts");
                violations.AddRange(SlackMessageRules.Check(where, root, requireText: true));
                break;
            case "conversations.open":
                if (!(root.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.String)
                    && !(root.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.String))
                {
                    violations.Add($"{where}: neither users nor channel");
                }

                break;
        }

        foreach (var violation in violations)
        {
            yield return violation;
        }
    }

    private static IEnumerable<string> CheckResponseUrlPost(RecordedRequest request)
    {
        var where = "response_url " + request.Path;
        if (request.Method != "POST")
        {
            yield return $"{where}: {request.Method} instead of POST";
            yield break;
        }

        if (!(request.Header("Content-Type") ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{where}: not a JSON post";
            yield break;
        }

        using var body = Parse(request.Body);
        if (body is null)
        {
            yield return $"{where}: the body is not JSON";
            yield break;
        }

        var violations = new List<string>();
        var root = body.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response_type", out var responseType)
            && (responseType.ValueKind != JsonValueKind.String || responseType.GetString() is not ("in_channel" or "ephemeral")))
        {
            violations.Add($"{where}: response_type must be in_channel or ephemeral");
        }

        violations.AddRange(SlackMessageRules.Check(where, root, requireText: true));
        foreach (var violation in violations)
        {
            yield return violation;
        }
    }

    private static void RequireString(List<string> violations, string where, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            violations.Add($"{where}: {name} is missing or not a string");
        }
    }

    private static JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
