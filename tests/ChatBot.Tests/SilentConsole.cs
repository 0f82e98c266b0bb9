using Spectre.Console;

namespace ChatBot.Tests;

/// <summary>A console that prints nowhere, for hosts a test builds without looking at what they print.</summary>
internal static class SilentConsole
{
    public static IAnsiConsole Create() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
}
