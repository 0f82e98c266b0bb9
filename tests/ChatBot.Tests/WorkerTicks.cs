using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Tests;

/// <summary>
/// Reads <c>chatbot_worker_ticks_total</c> from a running bot's <c>/metrics</c>: the positive proof that a worker
/// (<c>ingest</c>, <c>daily-threads</c>, <c>alerts</c>) finished a tick, so everything due by then has been sent.
/// </summary>
internal static class WorkerTicks
{
    /// <summary>Waits up to 60 s until <paramref name="worker"/> has finished <paramref name="ticks"/> ticks successfully.</summary>
    public static async Task WaitAsync(Uri bot, string worker, int ticks, Func<bool> stopped, Func<string> output)
    {
        var line = new Regex($"^chatbot_worker_ticks_total\\{{worker=\"{Regex.Escape(worker)}\",outcome=\"ok\"\\}} (?<count>[0-9]+)$", RegexOptions.Multiline);
        using var http = new HttpClient { BaseAddress = bot };
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        var seen = 0;
        while (TimeProvider.System.GetUtcNow() < deadline && !stopped())
        {
            try
            {
                var metrics = (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ReplaceLineEndings("\n");
                if (line.Match(metrics) is { Success: true } match)
                {
                    seen = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
                    if (seen >= ticks)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not serving yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The {worker} worker finished {seen} of {ticks} ticks: {output()}");
    }
}
