using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Rendering;

namespace ChatBot.Discord.Tests.Interactions;

public sealed class DiscordInteractionParserTests
{
    private readonly DiscordActionIds _actionIds = new();

    [Fact]
    public void A_slash_command_becomes_its_subcommand_with_options_as_strings_and_who_asked_where()
    {
        var parsed = Parse(InteractionPayloads.Search("i1", "diffusion since:7d"));

        var request = parsed.Request!;
        Assert.Equal("i1", parsed.Id);
        Assert.Equal(InteractionPayloads.TokenFor("i1"), parsed.Token);
        Assert.Equal("papers", request.Command);
        Assert.Equal("search", request.Subcommand);
        Assert.Equal("diffusion since:7d", request.Options["query"]);
        Assert.Equal("3", request.Options["limit"]);
        Assert.Equal("discord", request.Platform);
        Assert.Equal("u1", request.User.Id);
        Assert.Equal("Ada L.", request.User.DisplayName);
        Assert.Equal("c1", request.ChannelId);
        Assert.Equal("g1", request.GuildId);
        Assert.False(request.IsAdmin);
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

        var request = Parse(interaction).Request!;

        Assert.Equal(("papers-admin", "daily set"), (request.Command, request.Subcommand));
        Assert.Equal(("09:00", "Europe/Berlin"), (request.Options["time"], request.Options["timezone"]));
        Assert.True(request.IsAdmin);
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

        Assert.Equal(admin, parsed.Request!.IsAdmin);
    }

    [Fact]
    public void A_direct_message_takes_the_top_level_user_and_is_never_admin()
    {
        var interaction = InteractionPayloads.Search("i1", "x", "8");
        interaction.Remove("member");
        interaction.Remove("guild_id");
        interaction["user"] = new JsonObject { ["id"] = "u9", ["username"] = "lin" };

        var request = Parse(interaction).Request!;

        Assert.Equal("u9", request.User.Id);
        Assert.Equal("lin", request.User.DisplayName);
        Assert.Null(request.GuildId);
        Assert.False(request.IsAdmin);
    }

    [Fact]
    public void A_button_click_runs_the_command_its_custom_id_names()
    {
        var parsed = Parse(InteractionPayloads.Button("b1", "/papers search diffusion --page 2"));

        var request = parsed.Request!;
        Assert.True(parsed.IsComponent);
        Assert.Equal("search", request.Subcommand);
        Assert.Equal("diffusion", request.Options["query"]);
        Assert.Equal("2", request.Options["page"]);
        Assert.Equal("u2", request.User.Id);
        Assert.Equal("dm1", request.ChannelId);
        Assert.Equal("discord", request.Platform);
    }

    [Fact]
    public void A_button_whose_command_was_too_long_for_its_custom_id_resolves_through_the_action_cache()
    {
        var command = "/papers search \"" + new string('q', 120) + "\" --page 3";
        var customId = _actionIds.For(command);

        var request = Parse(InteractionPayloads.Button("b1", customId)).Request!;

        Assert.StartsWith("cmd:", customId, StringComparison.Ordinal);
        Assert.Equal("3", request.Options["page"]);
    }

    [Fact]
    public void A_button_whose_cached_command_is_gone_gets_the_expired_button_reply()
    {
        var parsed = Parse(InteractionPayloads.Button("b1", "cmd:AAAAAAAAAAAAAAAA"));

        Assert.Null(parsed.Request);
        Assert.Equal([DiscordInteractionParser.ExpiredButton], parsed.ImmediateReply!.Text);
    }

    [Fact]
    public void A_button_without_a_command_gets_the_expired_button_reply_privately()
    {
        var parsed = Parse(InteractionPayloads.Button("b1", ""));

        Assert.Null(parsed.Request);
        Assert.Equal([DiscordInteractionParser.ExpiredButton], parsed.ImmediateReply!.Text);
        Assert.Equal(Core.Commands.ReplyVisibility.Private, parsed.ImmediateReply.Visibility);
    }

    [Fact]
    public void A_button_whose_command_does_not_parse_gets_the_parser_message()
    {
        var parsed = Parse(InteractionPayloads.Button("b1", "/papers search diffusion --nope 2"));

        Assert.Null(parsed.Request);
        Assert.Contains("--nope", parsed.ImmediateReply!.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_interaction_without_a_token_is_refused()
    {
        var interaction = InteractionPayloads.Search("i1", "x");
        interaction.Remove("token");

        Assert.Throws<JsonException>(() => Parse(interaction));
    }

    private DiscordInteraction Parse(JsonObject interaction)
    {
        using var document = JsonDocument.Parse(interaction.ToJsonString());
        return new DiscordInteractionParser(_actionIds).Parse(document.RootElement);
    }
}
