namespace ChatBot.Core.IO;

/// <summary>Reads a stream to its end, but never more than a limit: a source that never ends cannot fill the memory.</summary>
public static class BoundedRead
{
    private const int ChunkSize = 81_920;

    /// <summary>
    /// A request body: null at once when its <paramref name="declaredLength"/> (Content-Length) is over the limit,
    /// otherwise as <see cref="ReadAsync(Stream, long, CancellationToken)"/>; a chunked body declares none, so the
    /// count of what arrives is what stops it. Callers answer 413 at once, while the client is still sending.
    /// </summary>
    public static Task<byte[]?> ReadAsync(Stream stream, long? declaredLength, long maxBytes, CancellationToken cancellationToken) =>
        declaredLength > maxBytes ? Task.FromResult<byte[]?>(null) : ReadAsync(stream, maxBytes, cancellationToken);

    /// <summary>Every byte of <paramref name="stream"/>, or null as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary><c>64 MiB</c>, <c>512 KiB</c> or <c>1000 bytes</c>, for messages about a limit.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => FormattableString.Invariant($"{bytes / (1024 * 1024)} MiB"),
        >= 1024 when bytes % 1024 == 0 => FormattableString.Invariant($"{bytes / 1024} KiB"),
        _ => FormattableString.Invariant($"{bytes} bytes"),
    };
}
