namespace ChatBot.Storage.Tests.Relevance;

/// <summary>How a judged query is written, which is what the relevance figures are reported by.</summary>
internal enum QueryKind
{
    /// <summary>A question or phrase in plain words, a paraphrase, a synonym or an acronym, as people type into chat.</summary>
    Natural,

    /// <summary>One to three words that appear in the papers wanted, the kind keyword search already handles.</summary>
    Keyword,
}
