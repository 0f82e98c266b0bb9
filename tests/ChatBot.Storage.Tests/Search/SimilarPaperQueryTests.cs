using ChatBot.Core.Papers;
using ChatBot.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatBot.Storage.Tests.Search;

public sealed class SimilarPaperQueryTests
{
    [Theory]
    [InlineData(10, 5)] // a small index: words in up to half the papers
    [InlineData(1_000, 200)]
    [InlineData(20_000, 1_000)] // then 5 % of the papers
    [InlineData(100_000, 5_000)]
    public void A_word_may_occur_in_half_a_small_index_and_in_5_percent_of_a_large_one(int papers, int maxDocFreq) =>
        Assert.Equal(maxDocFreq, SimilarPaperQuery.MaxDocFreq(papers));

    [Fact]
    public void A_query_built_from_kept_counts_is_the_query_a_fresh_look_up_builds()
    {
        // Words only in titles (graph), more common in abstracts (suites, each abstract's second word) and in both alike
        // (diffusion): each must keep its field and count. "benchmark" and "study" are in every paper: too common to ask for.
        using var directory = new RAMDirectory();
        using var analyzer = PaperAnalyzer.Create();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            for (var i = 0; i < 30; i++)
            {
                writer.AddDocument(PaperFields.ToDocument(new Paper
                {
                    Id = PaperId.FromTitle($"paper {i}"),
                    Sequence = i + 1,
                    Title = $"{(i % 3 == 0 ? "Graph " : "")}{(i % 4 == 0 ? "Diffusion " : "")}Study {Word(i)}",
                    Abstract = $"We benchmark {(i % 5 == 0 ? "benchmark suites " : "")}{(i % 4 == 0 ? "diffusion " : "")}{Word(i)} and {Word(i + 7)}.",
                    Sources = [PaperSources.File],
                }));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var warm = new SimilarPaperQuery(analyzer);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            _ = warm.Build(searcher, doc);
        }

        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var fresh = new SimilarPaperQuery(analyzer).Build(searcher, doc);
            Assert.NotNull(fresh);
            Assert.Equal(fresh.ToString(), warm.Build(searcher, doc)?.ToString());
        }

        static string Word(int i) => ((char)('a' + (i % 6))).ToString() + "word" + (i % 6);
    }
}
