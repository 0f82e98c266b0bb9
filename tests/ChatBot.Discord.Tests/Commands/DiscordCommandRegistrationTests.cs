using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Core.Commands;
using ChatBot.Discord.Commands;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests.Commands;

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

    // Discord is asked what it has (GET /applications/{id}/commands) and the bulk overwrite is sent
    // only when that differs from the catalog: https://discord.com/developers/docs/interactions/application-commands#get-global-application-commands
    // and #bulk-overwrite-global-application-commands. What Discord adds to each command (id, version,
    // application_id, default_permission, dm_permission, nsfw, contexts and integration_types
    // defaults) is not a difference: #application-command-object.

    [Fact]
    public async Task Commands_are_registered_when_Discord_has_none()
    {
        await using var discord = await FakeDiscordRest.StartAsync();

        var registered = await Registrar(discord).RegisterAsync(CancellationToken.None);

        Assert.True(registered);
        var put = Assert.Single(discord.Commands.Puts);
        Assert.Null(put.GuildId);
        Assert.Equal(["papers", "papers-admin", "alerts"], discord.Commands.Registered().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(1, discord.Commands.Gets);
        Assert.Empty(discord.ProtocolViolations);
    }

    [Fact]
    public async Task Nothing_is_registered_when_Discord_already_has_the_same_commands()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Commands.Seed(null, DiscordCommandDefinitions.Build(CommandCatalog.All));

        var registered = await Registrar(discord).RegisterAsync(CancellationToken.None);

        Assert.False(registered);
        Assert.Empty(discord.Commands.Puts);
        Assert.Equal(1, discord.Commands.Gets);
    }

    [Fact]
    public async Task Commands_are_registered_again_when_Discord_has_different_ones()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        var older = DiscordCommandDefinitions.Build(CommandCatalog.All);
        older[0]!["options"]![0]!["options"]![1]!["max_value"] = 50;
        discord.Commands.Seed(null, older);

        var registered = await Registrar(discord).RegisterAsync(CancellationToken.None);

        Assert.True(registered);
        Assert.Single(discord.Commands.Puts);
        Assert.Equal(10, discord.Commands.Registered()[0]!["options"]![0]!["options"]![1]!["max_value"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_command_deleted_on_Discord_after_an_earlier_start_registered_it_is_registered_again()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        await Registrar(discord).RegisterAsync(CancellationToken.None);
        discord.Commands.Clear(); // deleted in the developer portal, or a restored backup, or another environment's PUT

        var registered = await Registrar(discord).RegisterAsync(CancellationToken.None);

        Assert.True(registered);
        Assert.Equal(2, discord.Commands.Puts.Count);
        Assert.Equal(3, discord.Commands.Registered().Count);
    }

    [Fact]
    public async Task A_stale_command_beside_the_catalog_is_removed_by_registering_again()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        var withExtra = DiscordCommandDefinitions.Build(CommandCatalog.All);
        withExtra.Add(new JsonObject { ["name"] = "old-command", ["type"] = 1, ["description"] = "Gone" });
        discord.Commands.Seed(null, withExtra);

        var registered = await Registrar(discord).RegisterAsync(CancellationToken.None);

        Assert.True(registered);
        Assert.DoesNotContain(discord.Commands.Registered(), c => c!["name"]!.GetValue<string>() == "old-command");
    }

    [Fact]
    public async Task With_a_guild_id_the_guilds_commands_are_compared_and_registered_not_the_global_ones()
    {
        await using var discord = await FakeDiscordRest.StartAsync(guildId: "222");
        discord.Commands.Seed(null, DiscordCommandDefinitions.Build(CommandCatalog.All));

        var first = await Registrar(discord).RegisterAsync(CancellationToken.None);
        var second = await Registrar(discord).RegisterAsync(CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var put = Assert.Single(discord.Commands.Puts);
        Assert.Equal("222", put.GuildId);
        Assert.Null(discord.Commands.Registered("222")[0]!["contexts"]);
        Assert.Empty(discord.ProtocolViolations);
    }

    [Fact]
    public async Task A_refused_registration_is_logged_with_discords_error_and_does_not_stop_the_host()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(
            FakeDiscordRest.Api($"applications/{FakeDiscordRest.ApplicationId}/commands"),
            FakeDiscordRest.Error(403, 50001, "Missing Access"));
        var logger = new RecordingLogger<DiscordCommandRegistrar>();
        using var registrar = Registrar(discord, logger);

        await registrar.StartAsync(CancellationToken.None);
        await registrar.ExecuteTask!;
        await registrar.StopAsync(CancellationToken.None);

        var entry = Assert.Single(logger.Entries, e => e.EventId.Id == 3302);
        Assert.Contains("50001", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Missing Access", entry.Message, StringComparison.Ordinal);
        Assert.Empty(discord.Commands.Puts);
    }

    [Fact]
    public async Task Each_start_asks_Discord_once_and_overwrites_at_most_once()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        using var registrar = Registrar(discord);

        await registrar.StartAsync(CancellationToken.None);
        await registrar.ExecuteTask!;
        await registrar.StopAsync(CancellationToken.None);

        Assert.Equal(1, discord.Commands.Gets);
        Assert.Single(discord.Commands.Puts);
    }

    [Fact]
    public void What_Discord_adds_or_leaves_out_when_it_answers_is_no_difference()
    {
        var desired = DiscordCommandDefinitions.Build(CommandCatalog.All);
        var answered = JsonNode.Parse(desired.ToJsonString())!.AsArray();
        foreach (var command in answered.OfType<JsonObject>())
        {
            command["id"] = "1234";
            command["application_id"] = "111";
            command["version"] = "5678";
            command["default_permission"] = true;
            command["dm_permission"] = true;
            command["nsfw"] = false;
            command["name_localizations"] = null;
            command["default_member_permissions"] ??= null;
        }

        answered.Add(answered[0]!.DeepClone()); // order does not matter:
        answered.RemoveAt(0);                    // papers moves to the end
        answered[2]!["options"]![0]!["options"]![1]!.AsObject().Remove("required"); // required:false left out
        answered[2]!["options"]![0]!["options"]![1]!["min_value"] = 1.0;

        Assert.True(ApplicationCommandComparison.Same(desired, answered, global: true));
    }

    [Theory]
    [InlineData("description")]
    [InlineData("option order")]
    [InlineData("required")]
    [InlineData("contexts")]
    [InlineData("permissions")]
    [InlineData("missing command")]
    public void A_difference_users_would_notice_is_a_difference(string change)
    {
        var desired = DiscordCommandDefinitions.Build(CommandCatalog.All);
        var actual = JsonNode.Parse(desired.ToJsonString())!.AsArray();
        var search = actual[0]!["options"]![0]!.AsObject();
        switch (change)
        {
            case "description":
                search["description"] = "Old text";
                break;
            case "option order":
                var options = search["options"]!.AsArray();
                var first = options[0]!;
                options.RemoveAt(0);
                options.Add(first);
                break;
            case "required":
                search["options"]![0]!["required"] = false;
                break;
            case "contexts":
                actual[0]!["contexts"] = null; // every context, BOT_DM and PRIVATE_CHANNEL included
                break;
            case "permissions":
                actual[1]!.AsObject().Remove("default_member_permissions");
                break;
            default:
                actual.RemoveAt(2);
                break;
        }

        Assert.False(ApplicationCommandComparison.Same(desired, actual, global: true));
    }

    [Fact]
    public void Contexts_do_not_count_for_guild_commands()
    {
        var desired = DiscordCommandDefinitions.Build(CommandCatalog.All);
        var actual = JsonNode.Parse(desired.ToJsonString())!.AsArray();
        foreach (var command in actual.OfType<JsonObject>())
        {
            command["contexts"] = null;
            command.Remove("integration_types");
        }

        Assert.True(ApplicationCommandComparison.Same(desired, actual, global: false));
        Assert.False(ApplicationCommandComparison.Same(desired, actual, global: true));
    }

    private static DiscordCommandRegistrar Registrar(FakeDiscordRest discord, RecordingLogger<DiscordCommandRegistrar>? logger = null) =>
        new(discord.Client, Options.Create(discord.Options), logger ?? new RecordingLogger<DiscordCommandRegistrar>());
}
