namespace ChatBot.Core.Search;

/// <summary>How a query's words are matched (<c>mode:hybrid|keyword|semantic</c>).</summary>
public enum SearchMode
{
    /// <summary>Words and meaning fused; keywords alone for papers without a vector, or when the model is unavailable.</summary>
    Hybrid,

    /// <summary>Papers that contain the words, ranked by BM25.</summary>
    Keyword,

    /// <summary>Papers closest in meaning to the words, whether or not they contain them.</summary>
    Semantic,
}
