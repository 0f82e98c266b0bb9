using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Core.Commands;

/// <summary>
/// The commands <see cref="CommandInvoker"/> runs in the background (waiting for their reply, delivering it after a
/// deferral), so the host can end them in order: when it stops, <see cref="Stopping"/> is cancelled and
/// <see cref="StopAsync"/> waits until every one of them has ended. It depends on nothing, so the host can start
/// and stop it whatever else is registered.
/// </summary>
public sealed class CommandTracker : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private int _disposed;

    public CommandTracker() => Stopping = _stopping.Token;

    /// <summary>Cancelled when the host stops: commands end, nothing more is sent.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Keeps <paramref name="work"/> until it ends; it must not throw.</summary>
    public void Track(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _running[work] = true;
        _ = work.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for every command under way now.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cancels every command still running, then waits for them and their deliveries to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _stopping.CancelAsync();
        }

        await WhenIdleAsync().WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        // Registered as itself and as a hosted service: the container disposes it once for each.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
