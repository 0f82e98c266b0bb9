using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ChatBot.Storage.Search;

/// <summary>
/// Titles, abstracts and keywords: Lucene's EnglishAnalyzer chain (possessives, lower case, English
/// stop words, Porter stemming) plus accent folding, so "Poincaré" and "poincare" match.
/// Values of a multi-valued field are kept apart so a phrase never spans two of them.
/// </summary>
internal sealed class PaperTextAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public override int GetPositionIncrementGap(string fieldName) => 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new EnglishPossessiveFilter(Version, source);
        result = new LowerCaseFilter(Version, result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
