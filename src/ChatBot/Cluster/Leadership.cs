using System.Diagnostics.Metrics;
using ChatBot.Core.Telemetry;

namespace ChatBot.Cluster;

/// <summary>
/// Whether this process leads the scheduled work (ingest, daily threads, alert delivery), as terms: a term is a
/// cancellation token that fires when the leadership ends, so work under way stops with it. With LiteDB there is
/// one process and one term that never ends. On PostgreSQL <see cref="LeaderElection"/> starts a term when it takes
/// the lease and keeps extending it while renewals succeed; a term ends by itself at the lease's local deadline (so a
/// leader cut off from the database stops before the lease can expire there), or when a renewal finds the lease
/// taken. Exported as <c>chatbot_leader</c> (1 or 0).
/// </summary>
internal sealed class Leadership
{
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly bool _always;
    private CancellationTokenSource? _term;
    private TaskCompletionSource<CancellationToken> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Leadership(bool always, string holder, TimeProvider clock, IMeterFactory meters, ILogger<Leadership> logger)
    {
        _always = always;
        Holder = holder;
        _clock = clock;
        _logger = logger;
        meters.Create(ChatBotMetrics.MeterName).CreateObservableGauge("leader", () => IsLeader ? 1L : 0L, "{process}",
            "1 while this process leads the scheduled work (ingest, daily threads, alert delivery), else 0.");
    }

    /// <summary>This process's name in the lease: machine, process id and a random suffix (a restarted process is a new holder).</summary>
    public string Holder { get; }

    /// <summary>True when leadership is decided by a lease (PostgreSQL), false when the one process always leads (LiteDB).</summary>
    public bool IsElected => !_always;

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _always || _term is { IsCancellationRequested: false };
            }
        }
    }

    /// <summary>The one process of a LiteDB bot: always the leader, in a term that never ends.</summary>
    public static Leadership Always(TimeProvider clock, IMeterFactory meters, ILogger<Leadership> logger) =>
        new(always: true, NewHolder(), clock, meters, logger);

    /// <summary>A process that leads only while <see cref="LeaderElection"/> holds the lease.</summary>
    public static Leadership Elected(TimeProvider clock, IMeterFactory meters, ILogger<Leadership> logger) =>
        new(always: false, NewHolder(), clock, meters, logger);

    /// <summary>The current term's token once this process leads (at once when it does); null when <paramref name="stoppingToken"/> fires first.</summary>
    public async Task<CancellationToken?> WaitForTermAsync(CancellationToken stoppingToken)
    {
        if (_always)
        {
            return stoppingToken.IsCancellationRequested ? null : CancellationToken.None;
        }

        Task<CancellationToken> next;
        lock (_gate)
        {
            if (_term is { IsCancellationRequested: false } term)
            {
                return term.Token;
            }

            next = _next.Task;
        }

        try
        {
            return await next.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The lease was taken or renewed by a request that started at <paramref name="requestedAt"/> (a timestamp of the
    /// clock): this process leads until <paramref name="duration"/> after it. The database set the expiry after the
    /// request started, so this deadline always comes first.
    /// </summary>
    public void Renewed(long requestedAt, TimeSpan duration)
    {
        var remaining = duration - _clock.GetElapsedTime(requestedAt);
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        lock (_gate)
        {
            if (_term is { IsCancellationRequested: false } term)
            {
                term.CancelAfter(remaining);
                return;
            }

            _term?.Dispose();
            var started = new CancellationTokenSource(remaining, _clock);
            _term = started;
            started.Token.Register(() => Ended(started));
            Log.LeadershipTaken(_logger, Holder, remaining);
            _next.TrySetResult(started.Token);
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>A renewal found the lease taken by another, or this process is stopping: the term ends now.</summary>
    public void Lost()
    {
        CancellationTokenSource? term;
        lock (_gate)
        {
            term = _term;
        }

        term?.Cancel();
    }

    private void Ended(CancellationTokenSource term)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_term, term))
            {
                return;
            }
        }

        Log.LeadershipEnded(_logger, Holder);
    }

    private static string NewHolder() =>
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
