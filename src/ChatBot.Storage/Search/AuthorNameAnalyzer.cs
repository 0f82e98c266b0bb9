using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ChatBot.Storage.Search;

/// <summary>
/// Author names: words, lower-cased and accent-folded, no stop words or stemming, so
/// <c>author:smith</c> and <c>author:"john smith"</c> both match "John Smith" and "Žižek" matches "zizek".
/// A wide gap between names keeps a phrase from joining the last name of one author to the next.
/// </summary>
internal sealed class AuthorNameAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public override int GetPositionIncrementGap(string fieldName) => 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new LowerCaseFilter(Version, source);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
