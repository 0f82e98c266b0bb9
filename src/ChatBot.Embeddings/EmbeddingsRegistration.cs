using ChatBot.Core.Semantic;
using ChatBot.Embeddings.Onnx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Embeddings;

public static class EmbeddingsRegistration
{
    /// <summary>
    /// The local sentence-embedding model (all-MiniLM-L6-v2 on ONNX Runtime) as the <see cref="ITextEmbedder"/>, set by
    /// <c>Embeddings:*</c> (bound and validated by AddChatBotCore); with <c>Embeddings:Enabled</c> false, an embedder that is never available.
    /// </summary>
    public static IHostApplicationBuilder AddChatBotEmbeddings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ITextEmbedder>();
        builder.Services.AddSingleton<ITextEmbedder>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddingsOptions>>();
            return options.Value.Enabled
                ? new OnnxTextEmbedder(MiniLmPackage.Files, options, provider.GetRequiredService<ILogger<OnnxTextEmbedder>>())
                : new DisabledTextEmbedder();
        });
        return builder;
    }
}
