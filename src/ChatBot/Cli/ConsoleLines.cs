using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// Lines that must stay one line wherever they are read (a terminal, a pipe, a container log): errors and warnings.
/// Spectre.Console folds markup at the console's width (80 columns when the output is not a terminal), so these
/// are written past it, with the label coloured when the console has colour.
/// </summary>
internal static class ConsoleLines
{
    private static readonly Lock Gate = new();

    public static void Error(IAnsiConsole console, string label, string text) => Write(console, label, text, "31");

    public static void Warning(IAnsiConsole console, string label, string text) => Write(console, label, text, "33");

    private static void Write(IAnsiConsole console, string label, string text, string colour)
    {
        ArgumentNullException.ThrowIfNull(console);
        var oneLine = text.ReplaceLineEndings(" ");
        var coloured = console.Profile.Capabilities.Ansi && console.Profile.Capabilities.ColorSystem != ColorSystem.NoColors;
        var line = coloured ? $"\u001b[{colour}m{label}\u001b[0m {oneLine}" : $"{label} {oneLine}";
        lock (Gate)
        {
            console.Profile.Out.Writer.WriteLine(line);
            console.Profile.Out.Writer.Flush();
        }
    }
}
