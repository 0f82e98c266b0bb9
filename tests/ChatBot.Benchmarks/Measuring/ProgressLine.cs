using System.Diagnostics;
using System.Globalization;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>Writes one progress line each time another tenth of the work is done (to stderr, so stdout stays the report).</summary>
internal sealed class ProgressLine(TextWriter writer, string activity, long total)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _tenthsReported;

    public void Report(long done)
    {
        var tenths = total <= 0 ? 10 : (int)(done * 10 / total);
        if (tenths <= _tenthsReported)
        {
            return;
        }

        _tenthsReported = tenths;
        var elapsed = Stopwatch.GetElapsedTime(_started);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {activity}: {done:N0}/{total:N0} ({tenths * 10}%) after {elapsed.TotalSeconds:0.0} s"));
    }
}
