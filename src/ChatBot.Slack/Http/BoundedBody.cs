using Microsoft.AspNetCore.Http;

namespace ChatBot.Slack.Http;

/// <summary>
/// Reads a request body up to a cap, in chunks, and gives up the moment the cap is passed: a declared
/// <c>Content-Length</c> over the cap is refused before reading, and a chunked body (which declares no length)
/// is never buffered past the cap. The caller answers 413 at once, so the client learns while still sending.
/// </summary>
/// <remarks>
/// The Discord interactions endpoint has the same loop privately (<c>DiscordInteractionsEndpoint.ReadBodyAsync</c>);
/// a shared, Stream-based copy could live in Core, which has no ASP.NET dependency.
/// </remarks>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
