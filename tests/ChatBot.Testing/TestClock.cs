using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer created on it (a
/// <c>Task.Delay</c>, a retry backoff, a timeout), so a test can wait until the code under test
/// is really waiting before it advances the clock, instead of sleeping and hoping.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits (up to <paramref name="timeout"/> of real time, default 10 s) for the next timer whose
    /// due time matches <paramref name="dueTime"/>, skipping others, and returns its due time.
    /// </summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> dueTime, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var created = await _timers.Reader.ReadAsync(cancellation.Token);
                if (dueTime(created))
                {
                    return created;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException("No matching timer was created on the test clock in time.");
        }
    }
}
