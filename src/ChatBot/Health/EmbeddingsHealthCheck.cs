using System.Globalization;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Health;

/// <summary>
/// Search by meaning: healthy when turned off or running (with how many papers have a vector), degraded when the
/// model could not load or the last catch-up failed, saying why. Never unhealthy: without vectors search runs on
/// keywords, and the bot serves.
/// </summary>
internal sealed class EmbeddingsHealthCheck(ITextEmbedder embedder, PaperVectorSynchronizer synchronizer, IPaperVectorStore vectors, IPaperStore papers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = embedder.Status;
        switch (status.State)
        {
            case EmbedderState.Disabled:
                return HealthCheckResult.Healthy($"{status.Reason}; search runs on keywords");
            case EmbedderState.Failed:
                return HealthCheckResult.Degraded($"the embedding model could not load ({status.Reason}); search runs on keywords");
            case EmbedderState.NotLoaded:
                return HealthCheckResult.Healthy("the embedding model is loading; search runs on keywords until it is");
        }

        if (synchronizer.LastError is { } error)
        {
            return HealthCheckResult.Degraded($"embedding papers failed ({error}); the next tick tries again, papers without a vector are found by keywords");
        }

        var state = await vectors.GetStateAsync(cancellationToken);
        var stored = await papers.GetLastRevisionAsync(cancellationToken);
        return HealthCheckResult.Healthy(string.Create(
            CultureInfo.InvariantCulture,
            $"{state.Count} papers embedded, at revision {state.LastRevision} of {stored} ({embedder.ModelId}, {state.MemoryBytes / (1024.0 * 1024.0):0.0} MB)"));
    }
}
