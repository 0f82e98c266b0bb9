using ChatBot.Embeddings.Onnx;

namespace ChatBot.Embeddings.Tests.Onnx;

/// <summary>The packaged model loaded once for a test class: as shipped (fp32) and as the bot runs it (int8).</summary>
public sealed class MiniLmEncoders : IDisposable
{
    internal OnnxSentenceEncoder Float { get; } = OnnxSentenceEncoder.Load(MiniLmPackage.Files, threads: 2, maxTokens: 256, quantize: false);

    internal OnnxSentenceEncoder Int8 { get; } = OnnxSentenceEncoder.Load(MiniLmPackage.Files, threads: 2, maxTokens: 256, quantize: true);

    public void Dispose()
    {
        Float.Dispose();
        Int8.Dispose();
    }

    public static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
