using System.Text;
using ChatBot.Cli;
using Spectre.Console;

namespace ChatBot.Tests;

/// <summary>Runs the real CLI in-process, as a person would type it, and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var exitCode = await ChatBotCli.RunAsync(args, console);
        return (exitCode, output.ToString());
    }
}
