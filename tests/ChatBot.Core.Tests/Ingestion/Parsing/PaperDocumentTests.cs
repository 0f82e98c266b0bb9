using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Ingestion.Parsing;

public sealed class PaperDocumentTests
{
    [Theory]
    [InlineData("[{\"paper\":{}}]", PaperFormat.HuggingFaceJson)]
    [InlineData("\uFEFF\r\n  [ ]", PaperFormat.HuggingFaceJson)]
    [InlineData("{\"error\":\"Invalid date\"}", PaperFormat.HuggingFaceJson)]
    [InlineData("[", PaperFormat.HuggingFaceJson)]
    [InlineData("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", PaperFormat.ArxivAtom)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", PaperFormat.ArxivAtom)]
    [InlineData("new\n\nSubscribe\n\nSome Title\n", PaperFormat.DailyPapersText)]
    [InlineData("[Re] Reproducing a Transformer Result\nWe reproduce it. It holds.", PaperFormat.DailyPapersText)]
    [InlineData("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", PaperFormat.Unknown)]
    [InlineData("", PaperFormat.Unknown)]
    [InlineData(" \r\n\t ", PaperFormat.Unknown)]
    [InlineData("PK\u0003\u0004\0\0binary", PaperFormat.Unknown)]
    public void The_format_is_detected_by_content(string content, PaperFormat expected)
    {
        Assert.Equal(expected, PaperDocument.Detect(content));
    }

    [Fact]
    public void Each_format_goes_to_its_parser()
    {
        var json = PaperDocument.Parse(Fixture.Read("daily_papers.json"), "daily.json");
        var atom = PaperDocument.Parse(Fixture.Read("arxiv_query.atom"), "query.atom");
        var seed = SeedCorpus.Files[0];
        var text = PaperDocument.Parse(File.ReadAllText(seed), seed);

        Assert.All(json.Papers, p => Assert.Equal([PaperSources.HuggingFace], p.Sources));
        Assert.Equal(3, json.Papers.Count);
        Assert.All(atom.Papers, p => Assert.Equal([PaperSources.Arxiv], p.Sources));
        Assert.Equal(2, atom.Papers.Count);
        Assert.All(text.Papers, p => Assert.Equal([PaperSources.File], p.Sources));
        Assert.Equal(68, text.Papers.Count); // seed 000: `awk 'length($0) >= 300' | wc -l`
    }

    [Theory]
    [InlineData("", "empty document")]
    [InlineData("   \n", "empty document")]
    [InlineData("<html><body>Service unavailable</body></html>", "not an Atom feed")]
    [InlineData("\0\0\0", "binary")]
    public void An_unrecognised_document_is_one_rejection_naming_the_origin(string content, string reasonPart)
    {
        var result = PaperDocument.Parse(content, "inbox/odd.bin");

        Assert.Empty(result.Papers);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("inbox/odd.bin", rejection.Origin);
        Assert.Contains(reasonPart, rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_content_of_a_detected_format_is_a_rejection_not_an_exception()
    {
        var json = PaperDocument.Parse("[{\"paper\": ", "a.json");
        var atom = PaperDocument.Parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "a.atom");

        Assert.Single(json.Rejections);
        Assert.Single(atom.Rejections);
        Assert.Empty(json.Papers);
        Assert.Empty(atom.Papers);
    }
}
