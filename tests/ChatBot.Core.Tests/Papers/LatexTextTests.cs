using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Papers;

/// <summary>arXiv's LaTeX in titles and abstracts reads as plain text, on every platform.</summary>
public sealed class LatexTextTests
{
    [Theory]
    // From the seed pages (Hugging Face daily papers, which pass arXiv's abstracts on as written).
    [InlineData(@"State Space Models (SSMs), specifically the \textbf{Mamba} model with selection mechanisms", "State Space Models (SSMs), specifically the Mamba model with selection mechanisms")]
    [InlineData(@"achieving +80\% accuracy in 10M context", "achieving +80% accuracy in 10M context")]
    [InlineData(@"by 87\%, 131\%, 138\%, 74\%", "by 87%, 131%, 138%, 74%")]
    [InlineData(@"AxFormer combines two key optimizations -- accuracy-driven pruning", "AxFormer combines two key optimizations \u2013 accuracy-driven pruning")]
    [InlineData(@"in the union of remaining candidate regions (\ie, routed regions)", "in the union of remaining candidate regions (i.e., routed regions)")]
    [InlineData(@"target B\'ezier curves or line", "target B\u00e9zier curves or line")]
    [InlineData(@"a novel architecture, named \method, that significantly outperforms", "a novel architecture, named method, that significantly outperforms")]
    [InlineData(@"publicly available at~https://github.com/microsoft/Swin-Transformer", "publicly available at https://github.com/microsoft/Swin-Transformer")]
    [InlineData(@"inspired by J.~von Oswald et al.~(ICML 2023)", "inspired by J. von Oswald et al. (ICML 2023)")]
    // Plain text that only looks like markup stays as written.
    [InlineData("from ~100 million parameters up to ~1.6 trillion", "from ~100 million parameters up to ~1.6 trillion")]
    [InlineData("a substantial gain (~2%) simply", "a substantial gain (~2%) simply")]
    [InlineData("reduce the cost by 10~30% with a compact size (13~15M)", "reduce the cost by 10~30% with a compact size (13~15M)")]
    [InlineData("the O(N^2) complexity of attention", "the O(N^2) complexity of attention")]
    [InlineData("It costs $5 and $10 per hour.", "It costs $5 and $10 per hour.")]
    [InlineData("**Bold** _claims_ about `code`, ~~strikes~~ and ||spoilers||", "**Bold** _claims_ about `code`, ~~strikes~~ and ||spoilers||")]
    public void Seed_abstracts_read_as_plain_text(string latex, string readable)
    {
        Assert.Equal(readable, LatexText.ToPlain(latex));
    }

    [Theory]
    [InlineData(@"with $O(n^2)$ cost", "with O(n\u00b2) cost")]
    [InlineData(@"$\mathcal{O}(n \log n)$ time", "O(n log n) time")]
    [InlineData(@"$\pi_0$: A Vision-Language-Action Flow Model", "\u03c0\u2080: A Vision-Language-Action Flow Model")]
    [InlineData(@"we \emph{learn} the prior, as shown in~\cite{ho2020,song2021}.", "we learn the prior, as shown in.")]
    [InlineData(@"a \emph{}gap", "a gap")]
    [InlineData(@"results (see Table~\ref{tab:main}) hold", "results (see Table) hold")]
    [InlineData(@"scales as $x_{t-1} = \sqrt{\alpha_t} x_t + \frac{1}{2}\epsilon$", "scales as x\u209c\u208b\u2081 = \u221a\u03b1\u209c x\u209c + 1/2\u03b5")]
    [InlineData(@"a $2\times$ speedup and $\sim$30\% less memory", "a 2\u00d7 speedup and ~30% less memory")]
    [InlineData(@"weights $W_{QK}^{T}$ and $x^{t+1}$", "weights W_QK\u1d40 and x\u1d57\u207a\u00b9")]
    [InlineData(@"Gr\""obner bases and na\""ive Bayes in {\bf bold} and \textit{italics}", "Gr\u00f6bner bases and na\u00efve Bayes in bold and italics")]
    [InlineData(@"an em dash---like this, and ``quoted'' words", "an em dash\u2014like this, and \u201cquoted\u201d words")]
    [InlineData(@"The \href{https://x.org}{project page} and \url{https://y.org}", "The project page and https://y.org")]
    [InlineData(@"Fran\c{c}ois and \v{C}ech", "Fran\u00e7ois and \u010cech")]
    public void Arxiv_style_markup_reads_as_plain_text(string latex, string readable)
    {
        Assert.Equal(readable, LatexText.ToPlain(latex));
    }

    [Theory]
    [InlineData(@"\textbf{unclosed")]
    [InlineData(@"$unclosed math \alpha")]
    [InlineData(@"trailing backslash \")]
    [InlineData(@"\frac{1}")]
    [InlineData(@"x^")]
    [InlineData(@"}}}{{{")]
    [InlineData(@"\'")]
    public void Broken_markup_never_throws_and_keeps_the_words(string latex)
    {
        var plain = LatexText.ToPlain(latex);

        Assert.DoesNotContain("\\", plain.Replace("\\\\", "", StringComparison.Ordinal).TrimEnd('\\'), StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_or_huge_input_is_converted_quickly_without_running_out_of_stack()
    {
        var nested = string.Concat(Enumerable.Repeat(@"\textbf{", 50_000)) + "deep" + new string('}', 50_000);
        var dollars = string.Concat(Enumerable.Repeat("$ a ", 100_000));

        var started = TimeProvider.System.GetTimestamp();
        Assert.Contains("deep", LatexText.ToPlain(nested), StringComparison.Ordinal);
        Assert.StartsWith("$ a $ a", LatexText.ToPlain(dollars), StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Converting_twice_changes_nothing_more()
    {
        foreach (var file in SeedCorpus.Files)
        {
            var once = LatexText.ToPlain(File.ReadAllText(file));

            Assert.Equal(once, LatexText.ToPlain(once));
        }
    }
}
