using ChatBot.Core.Alerts;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// Collects every document a query matches (no scores, no top-n), keeping those that pass the alert's
/// bounds, straight into the caller's list of matches. One per thread; <see cref="Start"/> before each query.
/// </summary>
internal sealed class MatchingDocCollector(AlertBatch batch) : ICollector
{
    private int _docBase;
    private string _alertId = "";
    private PreparedAlert _alert = PreparedAlert.Never;
    private List<AlertMatch> _matches = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void Start(string alertId, PreparedAlert alert, List<AlertMatch> matches)
    {
        _alertId = alertId;
        _alert = alert;
        _matches = matches;
    }

    public void SetScorer(Scorer scorer)
    {
        // Scores are not needed: every matching paper is a match.
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        doc += _docBase;
        if (_alert.Admits(batch.DateTicks[doc], batch.Upvotes[doc]))
        {
            _matches.Add(new AlertMatch(_alertId, batch.Ids[doc]));
        }
    }
}
