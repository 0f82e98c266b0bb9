using Microsoft.Extensions.Options;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// Keeps messages to one channel at least <see cref="SlackOptions.ChannelMessageSpacing"/> apart (Slack
/// allows about one a second per channel): each caller reserves the channel's next free slot and waits
/// for it on the injected clock, so a burst such as a daily thread goes out at a steady pace.
/// </summary>
internal sealed class SlackChannelPacer(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    private const int PruneAbove = 1024;
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Waits for <paramref name="channel"/>'s next slot; returns how long it waited.</summary>
    public async Task<TimeSpan> WaitForTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var spacing = options.Value.ChannelMessageSpacing;
        if (spacing <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        TimeSpan wait;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_nextSlot.Count > PruneAbove)
            {
                foreach (var stale in _nextSlot.Where(e => e.Value < now).Select(e => e.Key).ToList())
                {
                    _nextSlot.Remove(stale);
                }
            }

            var slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + spacing;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        return wait;
    }
}
