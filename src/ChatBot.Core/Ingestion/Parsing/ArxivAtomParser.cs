namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads the Atom feed of the arXiv API.</summary>
public static class ArxivAtomParser
{
    public static ParseResult Parse(string content, string origin) =>
        throw new NotImplementedException("ArxivAtomParser is being written");
}
