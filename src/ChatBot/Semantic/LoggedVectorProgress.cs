using ChatBot.Core.Search;
using ChatBot.Core.Semantic;

namespace ChatBot.Semantic;

/// <summary>Logs how far embedding has come every tenth of the way, when there is more than a page to do.</summary>
internal sealed class LoggedVectorProgress(ILogger logger) : IProgress<IndexProgress>
{
    private int _lastTenth = -1;

    public void Report(IndexProgress value)
    {
        var tenth = (int)(value.Fraction * 10);
        if (tenth > _lastTenth && value.RevisionsTotal > PaperVectorSynchronizer.PageSize)
        {
            _lastTenth = tenth;
            Log.VectorProgress(logger, tenth * 10, value.PapersIndexed);
        }
    }
}
