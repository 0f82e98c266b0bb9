using ChatBot.Health;
using ChatBot.Hosting;

namespace ChatBot.Semantic;

internal static class SemanticRegistration
{
    /// <summary>The worker that keeps every paper's vector current, and its state at <c>/readyz</c> as <c>embeddings</c>.</summary>
    public static IHostApplicationBuilder AddEmbeddingWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPeriodicWorker<EmbeddingWorker>();
        builder.Services.AddHealthChecks().AddCheck<EmbeddingsHealthCheck>("embeddings");
        return builder;
    }
}
