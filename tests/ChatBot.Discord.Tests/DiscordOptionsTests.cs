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

    // The bot token travels in every REST call's Authorization header: only over TLS, except to a
    // fake on this machine. https://discord.com/developers/docs/reference#authentication
    [Theory]
    [InlineData("http://discord.com/api/v10")]
    [InlineData("http://10.0.0.5:8080/api/v10")]
    [InlineData("ftp://discord.com/api/v10")]
    [InlineData("ws://127.0.0.1/api/v10")]
    public void An_api_base_url_that_is_not_https_off_loopback_fails_validation_naming_the_setting(string url)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ApiBaseUrl = new Uri(url) });

        Assert.True(result.Failed);
        Assert.Contains("Discord:ApiBaseUrl", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://discord.com/api/v10")]
    [InlineData("http://127.0.0.1:5000/api/v10")]
    [InlineData("http://localhost:5000/api/v10")]
    [InlineData("http://[::1]:5000/api/v10")]
    public void An_https_or_loopback_api_base_url_is_accepted(string url)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ApiBaseUrl = new Uri(url) });

        Assert.False(result.Failed, result.FailureMessage);
    }
}
