using System.Text;
using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;

namespace ChatBot.Storage.Semantic;

/// <summary>
/// The vectors on disk: a header (format, model id, dimensions), then steps appended as the synchronizer applies
/// them, each a run of records (vector added or replaced as int8 with its scale; paper removed) closed by a commit
/// record carrying the revision reached. Reading replays the steps up to the last complete commit and cuts off
/// whatever a crash left after it. When the file has grown well past what it holds, it is rewritten in one step
/// (to a temporary file, then renamed over the old one).
/// </summary>
internal sealed class PaperVectorFile : IDisposable
{
    private const ulong Magic = 0x3130_4345_5654_4243; // "CBTVEC01" little-endian
    private const byte UpsertRecord = 1;
    private const byte RemoveRecord = 2;
    private const byte CommitRecord = 3;
    private const uint CommitCheck = 0xC0DE_5EA1;

    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;

    private PaperVectorFile(FileStream stream, string modelId, int dimensions, long revision, long records)
    {
        _stream = stream;
        _writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        ModelId = modelId;
        Dimensions = dimensions;
        Revision = revision;
        Records = records;
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public long Revision { get; private set; }

    /// <summary>Records written since the file was last rewritten: replaced and removed vectors count too.</summary>
    public long Records { get; private set; }

    /// <summary>Starts a new, empty file for <paramref name="modelId"/>, replacing whatever was at <paramref name="path"/>.</summary>
    public static PaperVectorFile Create(string path, string modelId, int dimensions)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var file = new PaperVectorFile(stream, modelId, dimensions, 0, 0);
        file.WriteHeader();
        file.Flush();
        return file;
    }

    /// <summary>
    /// Opens the file at <paramref name="path"/> and loads its committed vectors into a new set, or returns null when
    /// there is no file. Throws <see cref="InvalidDataException"/> when its header is not a vector file's; a damaged or
    /// unfinished step drops it and everything after it.
    /// </summary>
    public static (PaperVectorFile File, QuantizedVectorSet Vectors, bool DroppedTail)? Open(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var (modelId, dimensions, revision, records, committedLength, droppedTail, set) = Read(stream);
            // Appending starts where the last commit ended.
            stream.SetLength(committedLength);
            stream.Position = committedLength;
            return (new PaperVectorFile(stream, modelId, dimensions, revision, records), set, droppedTail);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Rewrites <paramref name="path"/> to hold exactly <paramref name="vectors"/> at <paramref name="revision"/>, atomically.</summary>
    public static PaperVectorFile Rewrite(string path, string modelId, QuantizedVectorSet vectors, long revision)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var temporary = path + ".tmp";
        using (var file = Create(temporary, modelId, vectors.Dimensions))
        {
            vectors.ForEach((sequence, id, hash, values, scale) => file.WriteUpsert(sequence, id, hash, values.Span, scale));
            file.Commit(revision);
        }

        File.Move(temporary, path, overwrite: true);
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Seek(0, SeekOrigin.End);
        return new PaperVectorFile(stream, modelId, vectors.Dimensions, revision, vectors.Count);
    }

    /// <summary>Appends one step and makes it durable.</summary>
    public void Append(IReadOnlyList<(PaperVector Vector, sbyte[] Values, float Scale)> upserted, IReadOnlyList<long> removed, long revision)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(removed);
        foreach (var sequence in removed)
        {
            _writer.Write(RemoveRecord);
            _writer.Write(sequence);
            Records++;
        }

        foreach (var (vector, values, scale) in upserted)
        {
            WriteUpsert(vector.Sequence, vector.Id, vector.ContentHash, values, scale);
        }

        Commit(revision);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private static (string ModelId, int Dimensions, long Revision, long Records, long CommittedLength, bool DroppedTail, QuantizedVectorSet Set) Read(FileStream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        string modelId;
        int dimensions;
        try
        {
            if (reader.ReadUInt64() != Magic)
            {
                throw new InvalidDataException("not a paper vector file");
            }

            modelId = reader.ReadString();
            dimensions = reader.ReadInt32();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the file ends inside its header", e);
        }

        if (dimensions is <= 0 or > 8192)
        {
            throw new InvalidDataException($"the header gives {dimensions} dimensions");
        }

        var set = new QuantizedVectorSet(dimensions);
        var committedLength = stream.Position;
        long revision = 0, records = 0, committedRecords = 0;
        var pendingUpserts = new List<(long Sequence, PaperId Id, ulong Hash, sbyte[] Values, float Scale)>();
        var pendingRemovals = new List<long>();
        var values = new byte[dimensions];
        var droppedTail = false;
        try
        {
            while (stream.Position < stream.Length)
            {
                switch (reader.ReadByte())
                {
                    case UpsertRecord:
                        var sequence = reader.ReadInt64();
                        var id = PaperId.Parse(reader.ReadString());
                        var hash = reader.ReadUInt64();
                        var scale = reader.ReadSingle();
                        reader.BaseStream.ReadExactly(values);
                        pendingUpserts.Add((sequence, id, hash, (sbyte[])(Array)values.Clone(), scale));
                        records++;
                        break;
                    case RemoveRecord:
                        pendingRemovals.Add(reader.ReadInt64());
                        records++;
                        break;
                    case CommitRecord:
                        var reached = reader.ReadInt64();
                        if (reader.ReadUInt32() != CommitCheck)
                        {
                            throw new InvalidDataException("a commit record is damaged");
                        }

                        foreach (var removed in pendingRemovals)
                        {
                            set.Remove(removed);
                        }

                        foreach (var upsert in pendingUpserts)
                        {
                            set.Upsert(upsert.Sequence, upsert.Id, upsert.Hash, upsert.Values, upsert.Scale);
                        }

                        pendingRemovals.Clear();
                        pendingUpserts.Clear();
                        revision = reached;
                        committedRecords = records;
                        committedLength = stream.Position;
                        break;
                    default:
                        throw new InvalidDataException("an unknown record");
                }
            }
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or ArgumentException)
        {
            // What follows the last good commit is dropped: a step a crash cut short, or damage. The vectors up to that
            // commit are whole, and the synchronizer embeds what came after it again, by revision.
            droppedTail = true;
        }

        return (modelId, dimensions, revision, committedRecords, committedLength, droppedTail, set);
    }

    private void WriteHeader()
    {
        _writer.Write(Magic);
        _writer.Write(ModelId);
        _writer.Write(Dimensions);
    }

    private void WriteUpsert(long sequence, PaperId id, ulong hash, ReadOnlySpan<sbyte> values, float scale)
    {
        _writer.Write(UpsertRecord);
        _writer.Write(sequence);
        _writer.Write(id.ToString());
        _writer.Write(hash);
        _writer.Write(scale);
        _writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        Records++;
    }

    private void Commit(long revision)
    {
        _writer.Write(CommitRecord);
        _writer.Write(revision);
        _writer.Write(CommitCheck);
        Flush();
        Revision = revision;
    }

    private void Flush()
    {
        _writer.Flush();
        _stream.Flush(flushToDisk: true);
    }
}
