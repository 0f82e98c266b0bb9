using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// Keeps messages to one channel at least <see cref="SlackOptions.ChannelMessageSpacing"/> apart (Slack
/// allows about one a second per channel): sends to a channel run one at a time, in the order they were
/// asked for (so a daily thread's replies keep their order), and each starts no sooner than the spacing
/// after the previous one finished, waiting on the injected clock. Other channels are not held up.
/// </summary>
internal sealed class SlackChannelPacer(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string channel, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var spacing = options.Value.ChannelMessageSpacing;
        if (spacing <= TimeSpan.Zero)
        {
            return await send();
        }

        var lane = _lanes.GetOrAdd(channel, _ => new Lane());
        await lane.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = lane.NextSlot - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            return await send();
        }
        finally
        {
            lane.NextSlot = timeProvider.GetUtcNow() + spacing;
            lane.Gate.Release();
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset NextSlot { get; set; }
    }
}
