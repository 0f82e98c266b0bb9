namespace ChatBot.Testing;

/// <summary>What the <see cref="LoopbackHttpServer"/> answers to one request.</summary>
public sealed record ScriptedResponse(int StatusCode, string Body = "", string ContentType = "text/plain; charset=utf-8")
{
    /// <summary>Extra response headers, e.g. <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ScriptedResponse Json(string json, int statusCode = 200) => new(statusCode, json, "application/json; charset=utf-8");

    public static ScriptedResponse Xml(string xml, string contentType = "application/atom+xml; charset=utf-8") => new(200, xml, contentType);

    public static ScriptedResponse Text(string text, int statusCode = 200) => new(statusCode, text);

    public static ScriptedResponse Status(int statusCode, string body = "") => new(statusCode, body);

    public ScriptedResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };
}
