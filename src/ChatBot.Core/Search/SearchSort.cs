namespace ChatBot.Core.Search;

/// <summary>How results are ordered (<c>sort:relevance|new|top</c>).</summary>
public enum SearchSort
{
    /// <summary>BM25 score, best first.</summary>
    Relevance,

    /// <summary>Newest <see cref="Papers.Paper.Date"/> first.</summary>
    New,

    /// <summary>Most upvotes first.</summary>
    Top,
}
