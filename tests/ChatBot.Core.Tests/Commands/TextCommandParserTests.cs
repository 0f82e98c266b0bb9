using ChatBot.Core;
using ChatBot.Core.Commands;

namespace ChatBot.Core.Tests.Commands;

public sealed class TextCommandParserTests
{
    [Fact]
    public void A_full_command_line_gives_command_subcommand_and_the_rest_as_the_first_option()
    {
        var request = TextCommandParser.Parse("/papers search diffusion transformer since:30d");

        Assert.Equal("papers", request.Command);
        Assert.Equal("search", request.Subcommand);
        Assert.Equal("diffusion transformer since:30d", Assert.Single(request.Options).Value);
        Assert.Equal("query", request.Options.Keys.Single());
    }

    [Theory]
    [InlineData("search diffusion")]
    [InlineData("/search diffusion")]
    [InlineData("papers search diffusion")]
    [InlineData("  /papers   search   diffusion  ")]
    public void The_command_name_may_be_left_out(string line)
    {
        var request = TextCommandParser.Parse(line);

        Assert.Equal(("papers", "search", "diffusion"), (request.Command, request.Subcommand, request.Options["query"]));
    }

    [Fact]
    public void Quotes_and_spacing_inside_the_query_are_kept()
    {
        var request = TextCommandParser.Parse("/papers search \"time  series\" title:\"a b\" -survey");

        Assert.Equal("\"time  series\" title:\"a b\" -survey", request.Options["query"]);
    }

    [Theory]
    [InlineData("/papers search agents --limit 3", "agents", "3")]
    [InlineData("/papers search --limit 3 agents", "agents", "3")]
    [InlineData("/papers search agents --limit=3", "agents", "3")]
    [InlineData("/papers search agents \u2014limit 3", "agents", "3")]
    [InlineData("/papers search multi agent --limit 3 planning", "multi agent planning", "3")]
    public void Named_options_are_taken_out_of_the_query_wherever_they_are(string line, string query, string limit)
    {
        var request = TextCommandParser.Parse(line);

        Assert.Equal(query, request.Options["query"]);
        Assert.Equal(limit, request.Options["limit"]);
    }

    [Fact]
    public void An_integer_first_option_takes_the_rest_of_the_text()
    {
        var request = TextCommandParser.Parse("/papers trending 7");

        Assert.Equal("7", request.Options["days"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/papers")]
    public void Nothing_but_the_command_asks_for_help(string line)
    {
        Assert.Equal("help", TextCommandParser.Parse(line).Subcommand);
    }

    [Fact]
    public void An_unknown_flag_is_refused_with_the_flags_that_exist()
    {
        var error = Assert.Throws<ChatBotException>(() => TextCommandParser.Parse("/papers search x --limt 3"));

        Assert.Contains("--limt", error.Message, StringComparison.Ordinal);
        Assert.Contains("--limit, --page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_without_a_value_is_refused()
    {
        var error = Assert.Throws<ChatBotException>(() => TextCommandParser.Parse("/papers search x --limit"));

        Assert.StartsWith("--limit needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_subcommand_is_passed_on_for_the_router_to_explain()
    {
        var request = TextCommandParser.Parse("/papers serch x --limit 3");

        Assert.Equal("serch", request.Subcommand);
        Assert.Empty(request.Options);
    }

    [Fact]
    public void Slack_text_after_the_command_parses_the_same_way()
    {
        var request = TextCommandParser.ParseArguments("papers", "show 2106.04554");

        Assert.Equal(("show", "2106.04554"), (request.Subcommand, request.Options["id"]));
    }

    [Fact]
    public void Arguments_to_a_subcommand_without_options_are_refused()
    {
        Assert.Throws<ChatBotException>(() => TextCommandParser.Parse("/papers help me"));
    }

    [Fact]
    public void A_grouped_subcommand_takes_one_word_per_leading_required_option_and_flags_for_the_rest()
    {
        var request = TextCommandParser.Parse("/papers-admin daily set 09:00 Europe/Berlin --top 3 --filter \"agents OR robots\"");

        Assert.Equal(("papers-admin", "daily set"), (request.Command, request.Subcommand));
        Assert.Equal("09:00", request.Options["time"]);
        Assert.Equal("Europe/Berlin", request.Options["timezone"]);
        Assert.Equal("3", request.Options["top"]);
        Assert.Equal("agents OR robots", request.Options["filter"]);
    }

    [Fact]
    public void A_positional_option_cannot_also_be_given_as_a_flag()
    {
        var error = Assert.Throws<ChatBotException>(() => TextCommandParser.Parse("/papers-admin daily set 09:00 --timezone UTC"));

        Assert.Contains("its options are --top, --filter", error.Message, StringComparison.Ordinal);
    }
}
