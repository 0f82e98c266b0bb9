namespace ChatBot.Core.Ingestion.Sources;

/// <summary>
/// The time one fetch of a source may take, all its requests and their bodies included, on the injected clock.
/// Its <see cref="Token"/> ends at the deadline or when the fetch's own token does (the host stopping);
/// work run through <see cref="RunAsync{T}"/> that runs out of time throws a <see cref="TimeoutException"/>
/// naming the setting, while a stop stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class FetchDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan _limit;
    private readonly string _what;
    private readonly string _setting;
    private readonly CancellationToken _stopping;

    public FetchDeadline(TimeSpan limit, TimeProvider clock, string what, string setting, CancellationToken stopping)
    {
        _timeout = new CancellationTokenSource(limit, clock);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _timeout.Token);
        _limit = limit;
        _what = what;
        _setting = setting;
        _stopping = stopping;
    }

    public CancellationToken Token => _linked.Token;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work(Token);
        }
        catch (OperationCanceledException e) when (_timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"{_what} did not finish within {_limit} ({_setting}); tried again at the next ingest.", e);
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
