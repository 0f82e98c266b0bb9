using ChatBot.Core.Papers;

namespace ChatBot.Core.Tests.Papers;

public sealed class PaperIdTests
{
    [Theory]
    [InlineData("2106.04554", "2106.04554")]
    [InlineData("2106.04554v3", "2106.04554")]
    [InlineData("arXiv:2106.04554v2", "2106.04554")]
    [InlineData("https://arxiv.org/abs/2106.04554v3", "2106.04554")]
    [InlineData("http://arxiv.org/pdf/2106.04554v1.pdf", "2106.04554")]
    [InlineData("https://huggingface.co/papers/2502.12345", "2502.12345")]
    [InlineData("0704.0001", "0704.0001")]
    [InlineData("cs/0101001", "cs/0101001")]
    [InlineData("http://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001")]
    [InlineData("math.gt/0309136", "math.GT/0309136")]
    public void Arxiv_ids_in_every_common_spelling_normalize_to_one_id(string text, string expected)
    {
        var id = PaperId.Parse(text);

        Assert.Equal(expected, id.Value);
        Assert.True(id.IsArxiv);
    }

    [Fact]
    public void Titles_differing_only_in_case_dashes_quotes_and_spacing_share_a_key()
    {
        var a = PaperId.FromTitle("Peri-LN: Revisiting “Layer Normalization” in the Transformer");
        var b = PaperId.FromTitle("  peri\u2013ln  revisiting \"layer normalization\" in the transformer ");

        Assert.Equal(a, b);
        Assert.False(a.IsArxiv);
        Assert.Equal("title:peri-ln-revisiting-layer-normalization-in-the-transformer", a.Value);
    }

    [Fact]
    public void Title_keys_parse_back_to_the_same_id()
    {
        var id = PaperId.FromTitle("A ConvNet for the 2020s");

        Assert.Equal(id, PaperId.Parse(id.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an id")]
    [InlineData("2106.045")]
    [InlineData("title:---")]
    public void Unreadable_ids_fail_with_a_message_that_says_what_is_expected(string text)
    {
        Assert.False(PaperId.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => PaperId.Parse(text));
        Assert.Contains("arXiv id", error.Message, StringComparison.Ordinal);
    }
}
