using ChatBot.Discord;

namespace ChatBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void Nothing_is_enabled_without_a_token_or_public_key()
    {
        var options = new DiscordOptions();

        Assert.False(options.GatewayEnabled);
        Assert.False(options.InteractionsEndpointEnabled);
        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl.AbsoluteUri.TrimEnd('/'));
    }
}
