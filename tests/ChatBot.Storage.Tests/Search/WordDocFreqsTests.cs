using ChatBot.Storage.Search;

namespace ChatBot.Storage.Tests.Search;

public sealed class WordDocFreqsTests
{
    [Fact]
    public void Gives_back_what_was_kept_for_a_word_and_nothing_for_another()
    {
        var kept = new WordDocFreqs(capacity: 10);
        kept.Add("diffusion", field: 1, docFreq: 42);

        Assert.True(kept.TryGet("diffusion", out var counted));
        Assert.Equal((1, 42), (counted.Field, counted.DocFreq));
        Assert.False(kept.TryGet("Diffusion", out _));
        Assert.False(kept.TryGet("transformer", out _));
    }

    [Fact]
    public void Keeps_no_more_words_than_its_capacity_and_the_first_count_of_a_word()
    {
        var kept = new WordDocFreqs(capacity: 2);
        kept.Add("alpha", 0, 1);
        kept.Add("alpha", 1, 9);
        kept.Add("beta", 0, 2);
        kept.Add("gamma", 0, 3);

        Assert.True(kept.TryGet("alpha", out var alpha));
        Assert.Equal((0, 1), (alpha.Field, alpha.DocFreq));
        Assert.True(kept.TryGet("beta", out _));
        Assert.False(kept.TryGet("gamma", out _));
    }
}
