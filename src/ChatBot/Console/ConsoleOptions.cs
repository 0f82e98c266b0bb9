using System.ComponentModel.DataAnnotations;

namespace ChatBot.Console;

/// <summary>The console platform: the REPL that runs when no Discord or Slack credentials are set.</summary>
internal sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>False runs the bot headless (ingest only) when no chat platform is configured.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where typed commands are remembered between runs, inside the data directory; empty keeps none.</summary>
    public string HistoryFile { get; set; } = "console-history.txt";

    [Range(0, 10_000)]
    public int HistorySize { get; set; } = 500;
}
