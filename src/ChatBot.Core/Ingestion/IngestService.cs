using ChatBot.Core.Resilience;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion;

/// <summary>
/// One ingest tick: asks every source, stores what it yields, and keeps a failing source in
/// exponential backoff so it neither stops the others nor hammers a broken endpoint. A fetch has
/// nothing that must finish: when the host stops, the one under way is cancelled at once, whatever
/// grace the caller's token leaves for sends (every request, body read and wait in the sources takes
/// the token), and the tick returns what it did.
/// </summary>
public sealed class IngestService(
    IEnumerable<IPaperSource> sources,
    PaperIngestor ingestor,
    ChatBotMetrics metrics,
    TimeProvider timeProvider,
    IOptions<IngestOptions> options,
    ILogger<IngestService> logger,
    IHostApplicationLifetime? lifetime = null)
{
    private readonly Dictionary<string, SourceBackoff> _backoff = new(StringComparer.Ordinal);

    /// <summary>When the last tick finished, and whether every source it asked succeeded.</summary>
    public (DateTimeOffset At, bool Succeeded)? LastTick { get; private set; }

    public async Task<IReadOnlyList<SourceReport>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        using var stopOrCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        var reports = new List<SourceReport>();
        foreach (var source in sources)
        {
            if (stopping.IsCancellationRequested)
            {
                return reports;
            }

            var now = timeProvider.GetUtcNow();
            if (_backoff.TryGetValue(source.Name, out var backoff) && now < backoff.RetryAt)
            {
                reports.Add(new SourceReport(source.Name, 0, 0, 0, 0, Skipped: true));
                continue;
            }

            SourceReport report;
            try
            {
                report = await RunSourceAsync(source, stopOrCancel.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Stopping is not a failure: no backoff, no error, and the caller's loop ends as it would between ticks.
                Log.SourceStopped(logger, source.Name);
                return reports;
            }

            reports.Add(report);
            if (report.Failed)
            {
                var failures = (backoff?.Failures ?? 0) + 1;
                var delay = RetryBackoff.Delay(failures);
                // Measured from the tick's start, with half an interval of slack, so a slow failing
                // fetch does not push the retry one tick further than intended.
                _backoff[source.Name] = new SourceBackoff(failures, now + delay - (options.Value.Interval / 2));
                metrics.IngestFailed(source.Name);
                Log.SourceFailed(logger, source.Name, report.Error!, failures, delay);
            }
            else
            {
                _backoff.Remove(source.Name);
                if (report is { New: 0, Updated: 0, Unchanged: 0, Rejected: 0 })
                {
                    // Disabled sources and empty inboxes: not worth a line every tick.
                    Log.SourceHadNothing(logger, source.Name);
                }
                else
                {
                    Log.SourceIngested(logger, source.Name, report.New, report.Updated, report.Unchanged, report.Rejected);
                }
            }
        }

        LastTick = (timeProvider.GetUtcNow(), reports.TrueForAll(r => !r.Failed));
        return reports;
    }

    private async Task<SourceReport> RunSourceAsync(IPaperSource source, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0, rejected = 0;
        try
        {
            // A batch is indexed while the next one is fetched and stored; the source ends searchable (finally below).
            await foreach (var batch in source.FetchAsync(cancellationToken))
            {
                var outcome = await ingestor.StoreAsync(batch, cancellationToken);
                // Counted per batch, so what a source stored before it failed is counted too.
                metrics.PapersIngested(source.Name, outcome.New, outcome.Updated);
                created += outcome.New;
                updated += outcome.Updated;
                unchanged += outcome.Unchanged;
                rejected += outcome.Rejections.Count;
                foreach (var rejection in outcome.Rejections.Take(5))
                {
                    Log.PaperRejected(logger, source.Name, rejection);
                }
            }

            return new SourceReport(source.Name, created, updated, unchanged, rejected);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A source's failure of any kind must not stop the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.SourceException(logger, source.Name, e);
            return new SourceReport(source.Name, created, updated, unchanged, rejected, Error: e.Message);
        }
        finally
        {
            // What the source stored is searchable when it is reported, and no index work outlives the tick.
            await ingestor.WhenIndexedAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Interval, 2×, 4×… the interval after 1, 2, 3… failures in a row, capped at MaxBackoff. Not jittered: the
    /// retry is taken on a tick anyway (with half an interval of slack), and one process asks each source, so
    /// there is no crowd to spread; a jittered wait would only move the retry a whole tick earlier at random.
    /// </summary>
    private Backoff RetryBackoff => new(options.Value.Interval, options.Value.MaxBackoff, Backoff.NoJitter);

    private sealed record SourceBackoff(int Failures, DateTimeOffset RetryAt);
}
