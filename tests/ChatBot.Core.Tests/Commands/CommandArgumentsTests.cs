using ChatBot.Core;
using ChatBot.Core.Commands;

namespace ChatBot.Core.Tests.Commands;

public sealed class CommandArgumentsTests
{
    private static readonly SubcommandDefinition Search = CommandCatalog.Papers.FindSubcommand("search")!;

    [Fact]
    public void Defaults_apply_when_an_option_is_not_given()
    {
        var arguments = CommandArguments.Bind("papers", Search, new Dictionary<string, string> { ["query"] = "x" });

        Assert.Equal(5, arguments.Number("limit", Search));
        Assert.Equal(1, arguments.Number("page", Search));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("five")]
    [InlineData("2.5")]
    public void A_number_out_of_range_or_not_a_number_names_the_option_and_the_range(string limit)
    {
        var error = Assert.Throws<ChatBotException>(() =>
            CommandArguments.Bind("papers", Search, new Dictionary<string, string> { ["query"] = "x", ["limit"] = limit }));

        Assert.Equal($"Option 'limit' expects a whole number from 1 to 10; got '{limit}'.", error.Message);
    }

    [Fact]
    public void A_missing_required_option_gives_the_usage()
    {
        var error = Assert.Throws<ChatBotException>(() => CommandArguments.Bind("papers", Search, new Dictionary<string, string>()));

        Assert.Contains("needs a query", error.Message, StringComparison.Ordinal);
        Assert.Contains("/papers search <query> [--limit <limit>] [--page <page>]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<ChatBotException>(() =>
            CommandArguments.Bind("papers", Search, new Dictionary<string, string> { ["query"] = new string('a', 501) }));

        Assert.Equal("Option 'query' is 501 characters long; the limit is 500.", error.Message);
    }

    [Fact]
    public void An_option_the_subcommand_does_not_have_is_refused()
    {
        var error = Assert.Throws<ChatBotException>(() =>
            CommandArguments.Bind("papers", Search, new Dictionary<string, string> { ["query"] = "x", ["days"] = "3" }));

        Assert.Equal("/papers search has no option 'days'; its options are query, limit, page.", error.Message);
    }
}
