namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads the JSON list of GET /api/daily_papers.</summary>
public static class HuggingFaceDailyJsonParser
{
    public static ParseResult Parse(string content, string origin) =>
        throw new NotImplementedException("HuggingFaceDailyJsonParser is being written");
}
