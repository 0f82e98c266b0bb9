using Microsoft.AspNetCore.WebUtilities;

namespace ChatBot.Testing;

/// <summary>A request the <see cref="LoopbackHttpServer"/> received.</summary>
/// <param name="Method">GET, POST, ...</param>
/// <param name="Path">The decoded path, e.g. <c>/api/daily_papers</c>.</param>
/// <param name="QueryString">The raw query string as sent, with its leading <c>?</c>, or empty.</param>
/// <param name="Headers">Header values joined with <c>", "</c>; names are case-insensitive.</param>
/// <param name="Body">The body as UTF-8 text (empty for GET).</param>
/// <param name="ReceivedAt">When the server saw the request, on the server's <see cref="TimeProvider"/>.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string PathAndQuery => Path + QueryString;

    /// <summary>A decoded query parameter (<c>+</c> and <c>%20</c> read as spaces), or null.</summary>
    public string? Query(string name) =>
        QueryHelpers.ParseQuery(QueryString).TryGetValue(name, out var values) ? values.ToString() : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
