using System.Globalization;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Alerts;

/// <summary>
/// Where alert matching resumes: the ingest sequence of the last paper matched, kept in the state store.
/// On the first run it starts at the newest paper stored: alerts are for news.
/// </summary>
public sealed class AlertCursor(IStateStore state, IPaperStore papers)
{
    public const string Key = "alerts:cursor";

    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        if (await state.GetAsync(Key, cancellationToken) is { } text
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cursor))
        {
            return cursor;
        }

        var start = (await papers.GetCountersAsync(cancellationToken)).LastSequence;
        await MoveAsync(start, cancellationToken);
        return start;
    }

    public Task MoveAsync(long sequence, CancellationToken cancellationToken) =>
        state.SetAsync(Key, sequence.ToString(CultureInfo.InvariantCulture), cancellationToken);
}
