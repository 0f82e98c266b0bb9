namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Detects the format of a document by its content and parses it with the matching parser.</summary>
public static class PaperDocument
{
    public static PaperFormat Detect(string content) =>
        throw new NotImplementedException("PaperDocument is being written");

    /// <summary>Parses any supported format; an unrecognised document is one rejection naming the origin.</summary>
    public static ParseResult Parse(string content, string origin) =>
        throw new NotImplementedException("PaperDocument is being written");
}
