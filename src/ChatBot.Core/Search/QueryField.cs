namespace ChatBot.Core.Search;

/// <summary>Where a query term must occur.</summary>
public enum QueryField
{
    /// <summary>Title, abstract, authors or keywords (a plain word or phrase).</summary>
    Any,

    /// <summary><c>title:</c></summary>
    Title,

    /// <summary><c>author:</c> — matches any of the paper's author names.</summary>
    Author,
}
