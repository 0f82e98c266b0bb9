namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads daily-papers page text (the format of shared/seeds).</summary>
public static class DailyPapersTextParser
{
    /// <summary>
    /// Reads every paper block; a block that cannot be read becomes a <see cref="Rejection"/> at the
    /// line where it starts. Never throws on bad content.
    /// </summary>
    public static ParseResult Parse(string content, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(origin);
        return new DailyPapersTextReader(origin).Read(content);
    }
}
