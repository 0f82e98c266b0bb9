namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads daily-papers page text (the format of shared/seeds).</summary>
public static class DailyPapersTextParser
{
    public static ParseResult Parse(string content, string origin) =>
        throw new NotImplementedException("DailyPapersTextParser is being written");
}
