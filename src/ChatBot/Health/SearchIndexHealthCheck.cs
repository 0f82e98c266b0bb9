using System.Globalization;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Health;

/// <summary>
/// Ready once the index was brought up to the database at start and its last update succeeded.
/// A small lag behind the database is a batch being indexed right now, so it is reported, not failed.
/// </summary>
internal sealed class SearchIndexHealthCheck(SearchIndexSynchronizer synchronizer, ISearchIndex index, IPaperStore papers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!synchronizer.BroughtUpToDate)
        {
            return HealthCheckResult.Unhealthy("catching up with the database");
        }

        if (synchronizer.LastUpdateError is { } error)
        {
            return HealthCheckResult.Unhealthy($"the last update failed ({error}); the next ingest catches up, or run reindex");
        }

        var state = await index.GetStateAsync(cancellationToken);
        var stored = await papers.GetLastRevisionAsync(cancellationToken);
        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{state.Documents} papers, at revision {state.LastRevision} of {stored}"));
    }
}
