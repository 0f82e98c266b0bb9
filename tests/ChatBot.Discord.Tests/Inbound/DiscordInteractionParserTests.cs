using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Commands;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Rendering;

namespace ChatBot.Discord.Tests.Inbound;

public sealed class DiscordInteractionParserTests
{
    private readonly DiscordActionIds _actionIds = new();

    [Fact]
    public void A_slash_command_becomes_its_subcommand_with_options_as_strings_and_who_asked_where()
    {
        var parsed = Parse(InteractionPayloads.Search("i1", "diffusion since:7d"));

        var request = RequestOf(parsed);
        var caller = parsed.Caller;
        Assert.Equal("i1", parsed.Id);
        Assert.Equal(InteractionPayloads.TokenFor("i1"), parsed.Token);
        Assert.Equal("papers", request.Command);
        Assert.Equal("search", request.Subcommand);
        Assert.Equal("diffusion since:7d", request.Options["query"]);
        Assert.Equal("3", request.Options["limit"]);
        Assert.Equal("discord", caller.Platform);
        Assert.Equal("u1", caller.User.Id);
        Assert.Equal("Ada L.", caller.User.DisplayName);
        Assert.Equal("c1", caller.ChannelId);
        Assert.Equal("g1", caller.WorkspaceId);
        Assert.False(caller.IsAdmin);
        Assert.Equal(DiscordInteractionParser.AdminHint, caller.AdminHint);
        Assert.Contains("Manage Channels", caller.AdminHint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subcommand_in_a_group_becomes_the_two_word_catalog_name()
    {
        var interaction = InteractionPayloads.Search("i2", "x", guildPermissions: "16");
        interaction["data"]!["name"] = "papers-admin";
        interaction["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["name"] = "daily",
            ["type"] = 2,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = "set",
                ["type"] = 1,
                ["options"] = new JsonArray(
                    new JsonObject { ["name"] = "time", ["type"] = 3, ["value"] = "09:00" },
                    new JsonObject { ["name"] = "timezone", ["type"] = 3, ["value"] = "Europe/Berlin" }),
            }),
        });

        var parsed = Parse(interaction);
        var request = RequestOf(parsed);

        Assert.Equal(("papers-admin", "daily set"), (request.Command, request.Subcommand));
        Assert.Equal(("09:00", "Europe/Berlin"), (request.Options["time"], request.Options["timezone"]));
        Assert.True(parsed.Caller.IsAdmin);
    }

    [Theory]
    [InlineData("16", true)] // MANAGE_CHANNELS
    [InlineData("8", true)] // ADMINISTRATOR
    [InlineData("2147483671", true)] // several bits, MANAGE_CHANNELS among them
    [InlineData("36893488147419103248", true)] // 2^65 + 16: wider than 64 bits
    [InlineData("2147483648", false)]
    [InlineData("7", false)]
    [InlineData("0", false)]
    [InlineData("not a number", false)]
    public void A_member_is_an_admin_only_with_Manage_Channels_or_Administrator(string permissions, bool admin)
    {
        var parsed = Parse(InteractionPayloads.Search("i1", "x", permissions));

        Assert.Equal(admin, parsed.Caller.IsAdmin);
    }

    [Fact]
    public void A_direct_message_takes_the_top_level_user_and_is_never_admin()
    {
        var interaction = InteractionPayloads.Search("i1", "x", "8");
        interaction.Remove("member");
        interaction.Remove("guild_id");
        interaction["user"] = new JsonObject { ["id"] = "u9", ["username"] = "lin" };

        var caller = Parse(interaction).Caller;

        Assert.Equal("u9", caller.User.Id);
        Assert.Equal("lin", caller.User.DisplayName);
        Assert.Null(caller.WorkspaceId);
        Assert.False(caller.IsAdmin);
    }

    [Fact]
    public void A_button_click_runs_the_command_its_custom_id_names()
    {
        var parsed = Parse(InteractionPayloads.Button("b1", "/papers search diffusion --page 2"));

        var request = RequestOf(parsed);
        Assert.True(parsed.IsComponent);
        Assert.Equal("search", request.Subcommand);
        Assert.Equal("diffusion", request.Options["query"]);
        Assert.Equal("2", request.Options["page"]);
        Assert.Equal("u2", parsed.Caller.User.Id);
        Assert.Equal("dm1", parsed.Caller.ChannelId);
        Assert.Equal("discord", parsed.Caller.Platform);
    }

    [Fact]
    public void A_button_whose_command_was_too_long_for_its_custom_id_resolves_through_the_action_cache()
    {
        var command = "/papers search \"" + new string('q', 120) + "\" --page 3";
        var customId = _actionIds.For(command);

        var request = RequestOf(Parse(InteractionPayloads.Button("b1", customId)));

        Assert.StartsWith("cmd:", customId, StringComparison.Ordinal);
        Assert.Equal("3", request.Options["page"]);
    }

    [Fact]
    public void A_button_whose_cached_command_is_gone_gets_the_expired_button_reply()
    {
        var (request, reply) = Parse(InteractionPayloads.Button("b1", "cmd:AAAAAAAAAAAAAAAA")).Input.Resolve();

        Assert.Null(request);
        Assert.Equal([DiscordInteractionParser.ExpiredButton], reply!.Text);
    }

    [Fact]
    public void A_button_without_a_command_gets_the_expired_button_reply_privately()
    {
        var (request, reply) = Parse(InteractionPayloads.Button("b1", "")).Input.Resolve();

        Assert.Null(request);
        Assert.Equal([DiscordInteractionParser.ExpiredButton], reply!.Text);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
    }

    [Fact]
    public void A_button_whose_command_does_not_parse_gets_the_parser_message()
    {
        var (request, reply) = Parse(InteractionPayloads.Button("b1", "/papers search diffusion --nope 2")).Input.Resolve();

        Assert.Null(request);
        Assert.Contains("--nope", reply!.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_interaction_without_a_token_is_refused()
    {
        var interaction = InteractionPayloads.Search("i1", "x");
        interaction.Remove("token");

        Assert.Throws<JsonException>(() => Parse(interaction));
    }

    /// <summary>The request Core runs for <paramref name="parsed"/> (a button's command text is parsed there).</summary>
    private static CommandRequest RequestOf(DiscordInteraction parsed)
    {
        var (request, reply) = parsed.Input.Resolve();
        Assert.True(request is not null, reply is null ? null : string.Join(" ", reply.Text));
        return request;
    }

    private DiscordInteraction Parse(JsonObject interaction)
    {
        using var document = JsonDocument.Parse(interaction.ToJsonString());
        return new DiscordInteractionParser(_actionIds).Parse(document.RootElement);
    }
}
