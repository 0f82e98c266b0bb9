using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Core.Commands;
using ChatBot.Discord.Commands;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

public sealed class DiscordCommandRegistrationTests
{
    [Fact]
    public void The_admin_command_is_a_group_of_daily_subcommands_shown_only_to_channel_managers_in_guilds()
    {
        var admin = DiscordCommandDefinitions.Build(CommandCatalog.All)[1]!;

        Assert.Equal("papers-admin", admin["name"]!.GetValue<string>());
        Assert.Equal("16", admin["default_member_permissions"]!.GetValue<string>());
        Assert.Equal([0], admin["contexts"]!.AsArray().Select(c => c!.GetValue<int>()));
        var daily = Assert.Single(admin["options"]!.AsArray())!;
        Assert.Equal(("daily", 2), (daily["name"]!.GetValue<string>(), daily["type"]!.GetValue<int>()));
        var subcommands = daily["options"]!.AsArray();
        Assert.Equal(["set", "off", "show", "preview"], subcommands.Select(s => s!["name"]!.GetValue<string>()));
        var set = subcommands[0]!["options"]!.AsArray();
        Assert.Equal(["time", "timezone", "top", "filter"], set.Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal([true, true, false, false], set.Select(o => o!["required"]!.GetValue<bool>()));
    }

    [Fact]
    public void The_papers_command_has_its_five_subcommands_with_typed_options()
    {
        var commands = DiscordCommandDefinitions.Build(CommandCatalog.All);

        Assert.Equal(["papers", "papers-admin", "alerts"], commands.Select(c => c!["name"]!.GetValue<string>()));
        var papers = commands[0]!;
        Assert.Null(papers["default_member_permissions"]);
        Assert.Equal(1, papers["type"]!.GetValue<int>());
        var subcommands = papers["options"]!.AsArray();
        Assert.Equal(["search", "trending", "show", "similar", "help"], subcommands.Select(s => s!["name"]!.GetValue<string>()));
        Assert.All(subcommands, s => Assert.Equal(1, s!["type"]!.GetValue<int>()));

        var search = subcommands[0]!["options"]!.AsArray();
        var query = search[0]!;
        Assert.Equal(("query", 3, true), (query["name"]!.GetValue<string>(), query["type"]!.GetValue<int>(), query["required"]!.GetValue<bool>()));
        Assert.True(query["max_length"]!.GetValue<int>() is > 0 and <= 6000);
        var limit = search[1]!;
        Assert.Equal(("limit", 4, false), (limit["name"]!.GetValue<string>(), limit["type"]!.GetValue<int>(), limit["required"]!.GetValue<bool>()));
        Assert.Equal((1, 10), (limit["min_value"]!.GetValue<int>(), limit["max_value"]!.GetValue<int>()));
        Assert.Empty(subcommands[4]!["options"]!.AsArray());

        foreach (var node in new[] { papers }.Concat(subcommands).Concat(subcommands.SelectMany(s => s!["options"]!.AsArray())).OfType<JsonObject>())
        {
            Assert.Matches(new Regex("^[-_a-z0-9]{1,32}$"), node["name"]!.GetValue<string>());
            Assert.InRange(node["description"]!.GetValue<string>().Length, 1, 100);
        }
    }

    [Fact]
    public void Required_options_come_before_optional_ones()
    {
        var command = new CommandDefinition("demo", "Demo", [
            new SubcommandDefinition("run", "Run", [
                new OptionDefinition("count", "How many", OptionType.WholeNumber),
                new OptionDefinition("what", new string('d', 150), OptionType.Text, Required: true),
            ]),
        ]);

        var options = DiscordCommandDefinitions.Build([command])[0]!["options"]![0]!["options"]!.AsArray();

        Assert.Equal(["what", "count"], options.Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal(100, options[0]!["description"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Commands_are_registered_once_and_not_again_when_nothing_changed()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        var path = FakeDiscordRest.Api($"applications/{FakeDiscordRest.ApplicationId}/commands");
        discord.Server.Map(path, _ => ScriptedResponse.Json("[]"));
        var state = new InMemoryStateStore();

        var first = await Registrar(discord, state).RegisterAsync(CancellationToken.None);
        var second = await Registrar(discord, state).RegisterAsync(CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var put = Assert.Single(discord.Server.Requests);
        Assert.Equal(("PUT", path), (put.Method, put.Path));
        Assert.Contains("\"name\":\"papers\"", put.Body, StringComparison.Ordinal);
        Assert.NotNull(await state.GetAsync(DiscordCommandRegistrar.HashKey));
    }

    [Fact]
    public async Task With_a_guild_id_commands_go_to_that_guild_and_a_change_of_target_registers_again()
    {
        await using var global = await FakeDiscordRest.StartAsync();
        await using var guild = await FakeDiscordRest.StartAsync(guildId: "222");
        global.Server.Map(FakeDiscordRest.Api($"applications/{FakeDiscordRest.ApplicationId}/commands"), _ => ScriptedResponse.Json("[]"));
        var guildPath = FakeDiscordRest.Api($"applications/{FakeDiscordRest.ApplicationId}/guilds/222/commands");
        guild.Server.Map(guildPath, _ => ScriptedResponse.Json("[]"));
        var state = new InMemoryStateStore();

        await Registrar(global, state).RegisterAsync(CancellationToken.None);
        var registered = await Registrar(guild, state).RegisterAsync(CancellationToken.None);

        Assert.True(registered);
        var put = Assert.Single(guild.Server.Requests);
        Assert.Equal(("PUT", guildPath), (put.Method, put.Path));
    }

    [Fact]
    public async Task A_refused_registration_is_logged_with_discords_error_and_does_not_stop_the_host()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Map(
            FakeDiscordRest.Api($"applications/{FakeDiscordRest.ApplicationId}/commands"),
            _ => FakeDiscordRest.Error(403, 50001, "Missing Access"));
        var state = new InMemoryStateStore();
        var logger = new RecordingLogger<DiscordCommandRegistrar>();
        using var registrar = new DiscordCommandRegistrar(discord.Client, state, Options.Create(discord.Options), logger);

        await registrar.StartAsync(CancellationToken.None);
        await registrar.ExecuteTask!;
        await registrar.StopAsync(CancellationToken.None);

        var entry = Assert.Single(logger.Entries, e => e.EventId.Id == 3302);
        Assert.Contains("50001", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Missing Access", entry.Message, StringComparison.Ordinal);
        Assert.Equal(0, state.Writes);
    }

    private static DiscordCommandRegistrar Registrar(FakeDiscordRest discord, InMemoryStateStore state) =>
        new(discord.Client, state, Options.Create(discord.Options), new RecordingLogger<DiscordCommandRegistrar>());
}
