using ChatBot.Core.Commands;
using ChatBot.Hosting;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// The catalog (what Discord registers, Slack's manifest lists and help prints) and the command handlers the host
/// registers are the same set: a subcommand without a handler would be offered and then answered "unknown", a
/// handler without an entry could never be reached.
/// </summary>
public sealed class CommandCatalogCoverageTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Every_catalog_subcommand_has_a_handler_in_the_host()
    {
        var handled = await RegisteredHandlersAsync();

        Assert.Empty(CatalogSubcommands().Except(handled, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_handler_in_the_host_has_a_catalog_entry_and_only_one_handler_answers_it()
    {
        var handled = await RegisteredHandlersAsync();

        Assert.Empty(handled.Except(CatalogSubcommands(), StringComparer.Ordinal));
        Assert.Empty(handled.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    private static List<string> CatalogSubcommands() =>
        [.. CommandCatalog.All.SelectMany(c => c.Subcommands.Select(s => $"{c.Name} {s.Name}"))];

    /// <summary>The handlers as the bot's host builds them, each named as the router keys it.</summary>
    private async Task<List<string>> RegisteredHandlersAsync()
    {
        await using var app = ChatBotHost.CreateBuilder(SilentConsole.Create(), new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }).Build();
        return [.. app.Services.GetServices<ICommandHandler>().Select(h => $"{h.Command} {h.Definition.Name}")];
    }
}
