using System.Diagnostics;
using Xunit;

namespace ChatBot.Testing;

/// <summary>
/// Waits for something a test expects to happen (a positive condition, never an absence): asks every
/// <see cref="Interval"/> until it holds and fails, naming what it waited for, once <c>timeout</c> has passed.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> what)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(what);
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(waited.Elapsed < timeout, $"waited {timeout.TotalSeconds:0} s for {what()}");
            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(done);
        return UntilAsync(() => Task.FromResult(done()), timeout, () => what);
    }
}
