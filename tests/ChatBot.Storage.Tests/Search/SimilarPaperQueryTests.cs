using ChatBot.Storage.Search;

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
}
