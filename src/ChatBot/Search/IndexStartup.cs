using ChatBot.Core.Search;

namespace ChatBot.Search;

/// <summary>
/// Brings the search index up to the database before anything else starts, so the first command
/// searches everything: rebuilt when missing or damaged, caught up when papers arrived without it.
/// </summary>
internal sealed class IndexStartup(SearchIndexSynchronizer synchronizer, ILogger<IndexStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await synchronizer.EnsureCurrentAsync(new LoggedIndexProgress(logger), cancellationToken);
        if (report.Reason != IndexSyncReason.Current)
        {
            Log.IndexSynchronized(logger, report.Reason, report.PapersIndexed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
