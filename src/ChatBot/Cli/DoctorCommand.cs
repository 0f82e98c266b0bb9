using System.CommandLine;
using ChatBot.Core.Doctor;
using ChatBot.Doctor;
using ChatBot.Hosting;
using Spectre.Console;
using static System.FormattableString;

namespace ChatBot.Cli;

/// <summary>
/// <c>doctor</c>: checks the configuration, the database, the search index, each configured platform's
/// token and each enabled paper source, then prints one row per check with the fix for each failure.
/// Exits 1 when anything failed; warnings alone exit 0. Reads only, so it is safe beside a running bot.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var command = new Command("doctor", "Check settings, database, search index, platform tokens and paper sources, and say how to fix what fails.");
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, IAnsiConsole console, CancellationToken cancellationToken)
    {
        // The table reports every problem; the clients' retry warnings would only interleave with it.
        overrides["Logging:LogLevel:Default"] = "Error";
        await using var app = ChatBotHost.CreateBuilder(console, overrides).Build();
        var configuration = await new ConfigurationCheck(app.Services).RunAsync(cancellationToken);
        List<CheckResult> results = [configuration!, .. await app.Services.GetRequiredService<DoctorRunner>().RunAsync(cancellationToken)];

        console.Write(Table(results));
        var failed = results.Count(r => r.Status == CheckStatus.Fail);
        var warnings = results.Count(r => r.Status == CheckStatus.Warning);
        console.MarkupLine((failed, warnings) switch
        {
            (0, 0) => Invariant($"[green]All {results.Count} checks passed.[/]"),
            (0, _) => Invariant($"[green]No failures[/] ({warnings} warning(s): see Fix)."),
            _ => Invariant($"[red]{failed} check(s) failed[/]: do what the Fix column says, then run doctor again."),
        });
        return failed == 0 ? ChatBotCli.Success : ChatBotCli.Failure;
    }

    private static Table Table(IEnumerable<CheckResult> results)
    {
        var table = new Table().AddColumn("Check").AddColumn("Result").AddColumn("Detail").AddColumn("Fix");
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Check),
                result.Status switch
                {
                    CheckStatus.Pass => "[green]pass[/]",
                    CheckStatus.Warning => "[yellow]warn[/]",
                    CheckStatus.Fail => "[red]FAIL[/]",
                    _ => "[grey]skip[/]",
                },
                Markup.Escape(result.Detail),
                Markup.Escape(result.Fix ?? ""));
        }

        return table;
    }
}
