using System.Text;
using ChatBot.Core.IO;

namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// Reads a source's response body with a size cap. The fetch clients ask for <c>ResponseHeadersRead</c>, so the
/// body streams in after the resilience handler is done: its time is bounded by <see cref="FetchDeadline"/>
/// and its size here, by the declared length first and by counting what arrives whatever was declared.
/// </summary>
internal static class SourceDownload
{
    /// <summary>The body as text (the charset the server names, else UTF-8 or what a byte order mark says).</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, long maxBytes, string setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var uri = response.RequestMessage?.RequestUri;
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(uri, maxBytes, setting);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var bytes = await BoundedRead.ReadAsync(stream, maxBytes, cancellationToken) ?? throw TooLarge(uri, maxBytes, setting);
        using var reader = new StreamReader(new MemoryStream(bytes), EncodingOf(response), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Encoding EncodingOf(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read as UTF-8, as the APIs we read send.
            }
        }

        return Encoding.UTF8;
    }

    private static InvalidDataException TooLarge(Uri? uri, long maxBytes, string setting) =>
        new($"The response from {uri} is larger than {BoundedRead.Describe(maxBytes)} ({setting}); not read.");
}
