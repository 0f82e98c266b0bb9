using System.Diagnostics;
using System.Globalization;
using ChatBot.Core.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Embeddings.Onnx;

/// <summary>
/// The <see cref="ITextEmbedder"/> on ONNX Runtime. The model loads once, on a pool thread, the first time it is
/// needed; a model that cannot load (no native library for this platform, a damaged resource) leaves the embedder
/// <see cref="EmbedderState.Failed"/> with the reason, and nothing throws but <see cref="EmbedAsync"/>. Texts are sorted
/// by length so a batch pads little, and up to <see cref="EmbeddingsOptions.Threads"/> batches run side by side, each
/// on one thread: one thread per run keeps every core busy with work, where threads sharing one run wait for each
/// other between the model's 150 operators (measured on two cores: half again the CPU per paper and half the papers
/// per second, spinning or not).
/// </summary>
internal sealed class OnnxTextEmbedder(ModelFiles files, IOptions<EmbeddingsOptions> options, ILogger<OnnxTextEmbedder> logger) : ITextEmbedder, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingsOptions _options = options.Value;
    // Runs under way in this process, whoever asked (the catch-up, a search): never more than the configured threads.
    private readonly SemaphoreSlim _runs = new(options.Value.Threads, options.Value.Threads);
    private OnnxSentenceEncoder? _encoder;
    private volatile EmbedderStatus _status = EmbedderStatus.NotLoaded;

    /// <summary>The model, int8 weights and the token limit: each changes the vectors.</summary>
    public string ModelId { get; } = string.Create(CultureInfo.InvariantCulture, $"{files.ModelId}/int8/{options.Value.MaxTokens}");

    public int Dimensions => files.Dimensions;

    public EmbedderStatus Status => _status;

    public async Task<EmbedderStatus> EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (_status.State != EmbedderState.NotLoaded)
        {
            return _status;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_status.State == EmbedderState.NotLoaded)
            {
                _status = await Task.Run(Load, cancellationToken);
            }

            return _status;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var status = await EnsureLoadedAsync(cancellationToken);
        if (!status.IsAvailable)
        {
            throw new EmbedderUnavailableException($"The embedding model is unavailable: {status.Reason}");
        }

        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Threads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byLength.Chunk(_options.BatchSize), parallel, async (batch, token) =>
        {
            var encoded = await RunAsync([.. batch.Select(i => texts[i])], token);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
            }
        });

        return vectors;
    }

    public void Dispose()
    {
        _encoder?.Dispose();
        _gate.Dispose();
        _runs.Dispose();
    }

    private async Task<float[][]> RunAsync(string[] texts, CancellationToken cancellationToken)
    {
        await _runs.WaitAsync(cancellationToken);
        try
        {
            // ONNX Runtime blocks its calling thread for the whole batch: keep that off the caller's thread.
            return await Task.Run(() => _encoder!.Encode(texts), cancellationToken);
        }
        finally
        {
            _runs.Release();
        }
    }

    private EmbedderStatus Load()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // One intra-op thread: the run computes on the thread that calls it, with no pool to wake or spin.
            var encoder = OnnxSentenceEncoder.Load(files, threads: 1, _options.MaxTokens, quantize: true);
            if (encoder.Dimensions != files.Dimensions)
            {
                encoder.Dispose();
                throw new InvalidDataException($"the model gives {encoder.Dimensions} dimensions, not {files.Dimensions}");
            }

            _encoder = encoder;
            var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.ModelLoaded(logger, ModelId, milliseconds, _options.Threads, _options.MaxTokens);
            return EmbedderStatus.Available;
        }
#pragma warning disable CA1031 // Any failure to load (native library, platform, damaged model) means keywords only, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = Describe(e);
            Log.ModelFailed(logger, ModelId, reason, e);
            return new EmbedderStatus(EmbedderState.Failed, reason);
        }
    }

    private static string Describe(Exception e)
    {
        // A missing native library surfaces as a type initializer failing; its inner exception says which library.
        var root = e;
        while (root is TypeInitializationException or System.Reflection.TargetInvocationException && root.InnerException is not null)
        {
            root = root.InnerException;
        }

        // One sentence is enough for /readyz; the log has the whole exception.
        var firstLine = root.Message.Split('\n', 2)[0].Trim();
        var sentenceEnd = firstLine.IndexOf(". ", StringComparison.Ordinal);
        return $"{root.GetType().Name}: {(sentenceEnd > 0 ? firstLine[..(sentenceEnd + 1)] : firstLine)}";
    }
}
