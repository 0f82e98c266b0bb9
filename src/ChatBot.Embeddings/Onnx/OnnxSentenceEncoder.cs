using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace ChatBot.Embeddings.Onnx;

/// <summary>
/// Runs a BERT-style sentence-transformers model with ONNX Runtime: WordPiece tokens (lower-cased, accents
/// stripped, cut to <c>maxTokens</c>), one session run per batch, then mean pooling over the real tokens and
/// L2 normalisation, as sentence-transformers does for all-MiniLM-L6-v2; optionally with its weights quantised to
/// int8 first (<see cref="Int8Quantizer"/>). <see cref="Encode"/> may be called from several threads at once: each call
/// is one session run (ONNX Runtime runs are thread-safe), and the tokenizer, which reuses its buffers, is taken in turn.
/// </summary>
internal sealed class OnnxSentenceEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizing = new();
    private readonly int _maxTokens;
    private readonly bool _takesTokenTypes;
    private readonly string _output;

    private OnnxSentenceEncoder(InferenceSession session, BertTokenizer tokenizer, int maxTokens)
    {
        _session = session;
        _tokenizer = tokenizer;
        _maxTokens = maxTokens;
        _takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        _output = session.OutputMetadata.Keys.First();
        Dimensions = checked((int)session.OutputMetadata[_output].Dimensions[^1]);
    }

    public int Dimensions { get; }

    /// <summary>Loads the model and vocabulary. Throws when either is missing or damaged, or ONNX Runtime cannot run here.</summary>
    public static OnnxSentenceEncoder Load(ModelFiles files, int threads, int maxTokens, bool quantize)
    {
        ArgumentNullException.ThrowIfNull(files);
        var tokenizer = new BertTokenizer();
        using (var vocabulary = new StreamReader(files.OpenVocabulary()))
        {
            tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        }

        var session = CreateSession(files, threads, quantize);
        // The model's bytes (and the quantiser's parsed copies) are garbage now, over 200 MB of large objects: give them
        // back to the system once rather than keep them committed for the life of the bot. They were held by
        // CreateSession's frame only, which has returned, so nothing of them is still rooted here.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            return new OnnxSentenceEncoder(session, tokenizer, maxTokens);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    // Not inlined: the JIT may report a frame's locals live until it returns, and these hold the model's bytes.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InferenceSession CreateSession(ModelFiles files, int threads, bool quantize)
    {
        var model = ReadModel(files);
        if (quantize)
        {
            model = Int8Quantizer.Quantize(model).Model;
        }

        using var options = new SessionOptions
        {
            // Threads are explicit: the process shares the machine with ingest, search and the platforms.
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // The arena keeps the largest activations ever allocated; one text per run needs little, so plain allocation wins.
            EnableCpuMemArena = false,
        };
        // With more than one thread, idle pool threads sleep instead of spinning between batches, leaving the cores to the
        // rest of the bot (spinning bought nothing measurable in a run and cost up to twice the CPU on a busy machine).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(model, options);
    }

    // The stream's own array when it is exactly the model, else read at its exact length when the stream knows it: a
    // MemoryStream copy would double its buffer past 128 MB. Each copy of the fp32 graph adds 90 MB to the load's peak.
    private static byte[] ReadModel(ModelFiles files)
    {
        using var stream = files.OpenModel();
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length)
        {
            return whole.Array;
        }

        if (stream.CanSeek)
        {
            var model = new byte[stream.Length - stream.Position];
            stream.ReadExactly(model);
            return model;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>One unit-length vector per text. Callers keep batches small: memory grows with batch × longest text.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        if (texts.Count == 0)
        {
            return vectors;
        }

        var tokenized = new (long[] Ids, int Length)[texts.Count];
        var longest = 1;
        lock (_tokenizing)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                var (tokenIds, _, _) = _tokenizer.Encode(texts[i], _maxTokens);
                tokenized[i] = (tokenIds.ToArray(), tokenIds.Length);
                longest = Math.Max(longest, tokenIds.Length);
            }
        }

        var batch = texts.Count;
        var inputIds = new long[batch * longest];
        var attention = new long[batch * longest];
        for (var i = 0; i < batch; i++)
        {
            tokenized[i].Ids.CopyTo(inputIds.AsSpan(i * longest));
            attention.AsSpan(i * longest, tokenized[i].Length).Fill(1);
        }

        long[] shape = [batch, longest];
        using var ids = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(attention, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[batch * longest], shape);
        var names = _takesTokenTypes ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
        var values = _takesTokenTypes ? new[] { ids, mask, types } : [ids, mask];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_output]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dimensions = Dimensions;
        for (var i = 0; i < batch; i++)
        {
            vectors[i] = MeanPoolNormalized(hidden.Slice(i * longest * dimensions, tokenized[i].Length * dimensions), tokenized[i].Length, dimensions);
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();

    // The sentence vector is the average of its tokens' vectors (padding excluded), scaled to unit length.
    private static float[] MeanPoolNormalized(ReadOnlySpan<float> tokens, int count, int dimensions)
    {
        var vector = new float[dimensions];
        for (var t = 0; t < count; t++)
        {
            TensorPrimitives.Add(vector, tokens.Slice(t * dimensions, dimensions), vector);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            // Dividing by the count first would change nothing after normalisation; only the direction matters.
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
