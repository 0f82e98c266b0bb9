using ChatBot.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // A pipe or a container log has no width: keep Spectre.Console from folding lines at its 80-column guess.
    console.Profile.Width = 10_000;
}

return await ChatBotCli.RunAsync(args, console);
