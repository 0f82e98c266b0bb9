using System.Runtime.CompilerServices;

namespace ChatBot.Tests;

/// <summary>
/// The host tests run the bot without the embedding model (Embeddings:Enabled false), so dozens of bots started here do
/// not each load 90 MB and embed in the background on a shared two-core machine. A test about search by meaning
/// replaces the embedder itself; the model is tested in ChatBot.Embeddings.Tests.
/// </summary>
internal static class EmbeddingsOff
{
#pragma warning disable CA2255 // A test assembly setting its own process default before any test runs is what this is for.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void TurnOff()
    {
        if (Environment.GetEnvironmentVariable("Embeddings__Enabled") is null)
        {
            Environment.SetEnvironmentVariable("Embeddings__Enabled", "false");
        }
    }
}
