namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>The input formats the importer understands.</summary>
public enum PaperFormat
{
    Unknown,
    DailyPapersText,
    HuggingFaceJson,
    ArxivAtom,
}
