using System.Diagnostics;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Samples the bot process's working set every few seconds. <see cref="MarkStart"/> (after the warm-up) takes the
/// starting sample; the peak and the growth count from there.
/// </summary>
internal sealed class WorkingSetSampler(Process process, TimeProvider clock)
{
    private const double Megabyte = 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly List<(long At, double Megabytes)> _samples = [];
    private int _start = -1;

    /// <summary>Takes one sample now; false once the process is gone.</summary>
    public bool Sample()
    {
        try
        {
            process.Refresh();
            if (process.HasExited)
            {
                return false;
            }

            var megabytes = process.WorkingSet64 / Megabyte;
            lock (_gate)
            {
                _samples.Add((clock.GetTimestamp(), megabytes));
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void MarkStart()
    {
        Sample();
        lock (_gate)
        {
            _start = Math.Max(0, _samples.Count - 1);
        }
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (Sample())
            {
                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Start, peak and end in MB, and the growth from start to end in MB and MB per minute.</summary>
    public (double Start, double Peak, double End, double Growth, double GrowthPerMinute, int Samples) Summary()
    {
        lock (_gate)
        {
            var window = _samples.Skip(Math.Max(0, _start)).ToList();
            if (window.Count == 0)
            {
                return (0, 0, 0, 0, 0, 0);
            }

            var first = window[0];
            var last = window[^1];
            var minutes = clock.GetElapsedTime(first.At, last.At).TotalMinutes;
            var growth = last.Megabytes - first.Megabytes;
            return (first.Megabytes, window.Max(s => s.Megabytes), last.Megabytes, growth, minutes > 0 ? growth / minutes : 0, window.Count);
        }
    }
}
