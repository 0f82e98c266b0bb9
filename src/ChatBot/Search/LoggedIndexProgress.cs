using ChatBot.Core.Search;

namespace ChatBot.Search;

/// <summary>Logs index catch-up progress every tenth of the way, for hosts without a progress bar.</summary>
internal sealed class LoggedIndexProgress(ILogger logger) : IProgress<IndexProgress>
{
    private int _lastTenth = -1;

    public void Report(IndexProgress value)
    {
        var tenth = (int)(value.Fraction * 10);
        if (tenth > _lastTenth && value.RevisionsTotal > SearchIndexSynchronizer.PageSize)
        {
            _lastTenth = tenth;
            Log.IndexProgress(logger, tenth * 10, value.PapersIndexed);
        }
    }
}
