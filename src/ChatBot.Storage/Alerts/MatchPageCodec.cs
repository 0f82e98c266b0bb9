using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ChatBot.Core.Alerts;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// The bytes of a match page. <c>Sets</c>: the distinct sets of papers the page's alerts matched, each a bit set over
/// the batch's positions (little-endian 64-bit words); alerts share them, since many alerts are the same few words.
/// <c>Data</c>: for each user, their platform and id, then each of their alerts that matched, as its id and the index
/// of its set. Numbers are LEB128 varints, strings a byte length and UTF-8. The batch's sequences (ascending) are
/// gaps from the batch's start. 9.4 million (alert, paper) matches of 100,000 alerts on 1,000 papers took 6 MB so (34,000 distinct sets).
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

    public static void WriteSet(IBufferWriter<byte> output, ulong[] bits)
    {
        var span = output.GetSpan(bits.Length * sizeof(ulong));
        for (var i = 0; i < bits.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[(i * sizeof(ulong))..], bits[i]);
        }

        output.Advance(bits.Length * sizeof(ulong));
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
    public static List<MatchPageEntry> Decode(byte[] data, byte[] sets, int words)
    {
        var positions = new List<int[]>();
        var setBytes = words * sizeof(ulong);
        for (var offset = 0; offset + setBytes <= sets.Length; offset += setBytes)
        {
            var bits = new ulong[words];
            for (var i = 0; i < words; i++)
            {
                bits[i] = BinaryPrimitives.ReadUInt64LittleEndian(sets.AsSpan(offset + (i * sizeof(ulong))));
            }

            positions.Add([.. new AlertMatches("", bits).Positions()]);
        }

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
                alerts[a] = (alertId, positions[(int)reader.Number()]);
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
