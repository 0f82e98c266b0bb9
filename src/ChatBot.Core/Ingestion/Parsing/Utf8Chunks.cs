using System.Buffers;
using System.Text;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>
/// Encodes a string to UTF-8 a chunk at a time into one pooled buffer, for a
/// <see cref="System.Text.Json.Utf8JsonReader"/> that reads it in non-final blocks. A large document
/// never needs a second, UTF-8 copy of itself. Counts line breaks of the bytes given up.
/// </summary>
internal sealed class Utf8Chunks : IDisposable
{
    public const int DefaultChunkBytes = 64 * 1024;

    private readonly string _content;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _nextChar;

    public Utf8Chunks(string content, int chunkBytes = DefaultChunkBytes)
    {
        _content = content;
        _nextChar = content.StartsWith('\uFEFF') ? 1 : 0;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, 16));
        Refill();
    }

    /// <summary>The encoded bytes not yet given up with <see cref="Advance"/>.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>True when <see cref="Unread"/> reaches the end of the text.</summary>
    public bool IsFinalBlock => _nextChar == _content.Length;

    /// <summary>The 1-based line on which <see cref="Unread"/> starts.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The 1-based line of the unread byte at <paramref name="offset"/>.</summary>
    public int LineAt(long offset) => Line + Unread[..(int)offset].Count((byte)'\n');

    /// <summary>Gives up the first <paramref name="count"/> unread bytes.</summary>
    public void Advance(int count)
    {
        Line += Unread[..count].Count((byte)'\n');
        _start += count;
    }

    /// <summary>
    /// Moves the unread bytes to the front (growing the buffer when they fill most of it) and encodes
    /// more text after them. False when the whole text was already encoded.
    /// </summary>
    public bool Refill()
    {
        if (IsFinalBlock)
        {
            return false;
        }

        var unread = _end - _start;
        if (unread > _buffer.Length / 2)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Unread.CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            Unread.CopyTo(_buffer);
        }

        _start = 0;
        _end = unread;

        // At least half the buffer is free, so at least one character (4 bytes at most) always fits.
        _encoder.Convert(_content.AsSpan(_nextChar), _buffer.AsSpan(_end), flush: true, out var charsUsed, out var bytesUsed, out _);
        _nextChar += charsUsed;
        _end += bytesUsed;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _start = _end = 0;
    }
}
