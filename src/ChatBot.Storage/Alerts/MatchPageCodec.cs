using System.Buffers;
using System.Text;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// The bytes of a match page: for each user, their platform and id, then each of their alerts that matched with the
/// batch positions of its papers, ascending, as gaps. All numbers are LEB128 varints, strings are a byte length and
/// UTF-8. A batch position is under a few thousand, so a gap is mostly one byte: 9 million matches take about 9 MB.
/// Sequences (ascending) are written the same way, as gaps from the batch's start.
/// </summary>
internal static class MatchPageCodec
{
    public static void WriteNumber(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteNumber(output, (ulong)length);
        Encoding.UTF8.GetBytes(value, output.GetSpan(length));
        output.Advance(length);
    }

    /// <summary>Writes the positions set in both <paramref name="bits"/> and <paramref name="allowed"/>: a count, then gaps.</summary>
    public static void WritePositions(IBufferWriter<byte> output, ReadOnlySpan<ulong> bits, ReadOnlySpan<ulong> allowed, int count)
    {
        WriteNumber(output, (ulong)count);
        var previous = -1;
        for (var word = 0; word < bits.Length; word++)
        {
            var set = bits[word] & allowed[word];
            while (set != 0)
            {
                var position = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(set);
                set &= set - 1;
                WriteNumber(output, (ulong)(position - previous - 1));
                previous = position;
            }
        }
    }

    public static byte[] EncodeSequences(long after, IEnumerable<long> sequences)
    {
        var output = new ArrayBufferWriter<byte>();
        var previous = after;
        foreach (var sequence in sequences)
        {
            WriteNumber(output, (ulong)(sequence - previous));
            previous = sequence;
        }

        return output.WrittenSpan.ToArray();
    }

    public static long[] DecodeSequences(long after, byte[] bytes, int count)
    {
        var reader = new Reader(bytes);
        var sequences = new long[count];
        var previous = after;
        for (var i = 0; i < count; i++)
        {
            sequences[i] = previous += (long)reader.Number();
        }

        return sequences;
    }

    /// <summary>The entries of a page's data: per user, their alerts with the positions each matched.</summary>
    public static List<MatchPageEntry> Decode(byte[] data)
    {
        var reader = new Reader(data);
        var entries = new List<MatchPageEntry>();
        while (!reader.AtEnd)
        {
            var platform = reader.String();
            var user = reader.String();
            var alerts = new (string AlertId, int[] Positions)[(int)reader.Number()];
            for (var a = 0; a < alerts.Length; a++)
            {
                var alertId = reader.String();
                var positions = new int[(int)reader.Number()];
                var previous = -1;
                for (var p = 0; p < positions.Length; p++)
                {
                    positions[p] = previous += (int)reader.Number() + 1;
                }

                alerts[a] = (alertId, positions);
            }

            entries.Add(new MatchPageEntry(platform, user, alerts));
        }

        return entries;
    }

    private sealed class Reader(byte[] bytes)
    {
        private int _offset;

        public bool AtEnd => _offset >= bytes.Length;

        public ulong Number()
        {
            ulong value = 0;
            var shift = 0;
            while (true)
            {
                var b = bytes[_offset++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }

                shift += 7;
            }
        }

        public string String()
        {
            var length = (int)Number();
            var text = Encoding.UTF8.GetString(bytes, _offset, length);
            _offset += length;
            return text;
        }
    }
}
