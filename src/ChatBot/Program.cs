using ChatBot.Cli;
using Spectre.Console;

return await ChatBotCli.RunAsync(args, AnsiConsole.Console);
