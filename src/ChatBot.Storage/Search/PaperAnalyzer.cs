using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace ChatBot.Storage.Search;

/// <summary>
/// The analyzer of a paper document: <see cref="PaperTextAnalyzer"/> for every field but the authors,
/// which <see cref="AuthorNameAnalyzer"/> reads. The search index and the alert matcher both use it, so a
/// word means the same to both.
/// </summary>
internal static class PaperAnalyzer
{
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new PaperTextAnalyzer(),
        new Dictionary<string, Analyzer>(StringComparer.Ordinal) { [PaperFields.Authors] = new AuthorNameAnalyzer() });
}
