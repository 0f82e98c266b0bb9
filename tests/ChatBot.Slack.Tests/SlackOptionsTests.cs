using ChatBot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Tests;

public sealed class SlackOptionsTests
{
    [Fact]
    public void Nothing_is_enabled_without_tokens()
    {
        var options = new SlackOptions();

        Assert.False(options.SocketModeEnabled);
        Assert.False(options.HttpEndpointsEnabled);
        Assert.Equal(2, options.SocketConnections);
    }

    [Theory]
    [InlineData("Slack:AppToken", "xapp-1")]
    [InlineData("Slack:SigningSecret", "secret")]
    public void An_app_token_or_signing_secret_without_a_bot_token_stops_start_up_naming_the_bot_token(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddChatBotSlack();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains("Slack:BotToken", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://slack.example.com/api/", false)]
    [InlineData("http://10.0.0.5/api/", false)]
    [InlineData("ftp://slack.com/api/", false)]
    [InlineData("https://slack.com/api/", true)]
    [InlineData("http://127.0.0.1:8080/api/", true)]
    [InlineData("http://localhost:8080/api/", true)]
    [InlineData("http://[::1]:8080/api/", true)]
    public void The_Web_API_base_url_must_be_https_except_on_loopback(string url, bool valid)
    {
        // The bot and app tokens travel to this URL in every call's Authorization header.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = url });
        builder.AddChatBotSlack();
        using var host = builder.Build();

        var error = Record.Exception(() => host.Services.GetRequiredService<IOptions<SlackOptions>>().Value);

        if (valid)
        {
            Assert.Null(error);
        }
        else
        {
            var failure = Assert.Single(Assert.IsType<OptionsValidationException>(error).Failures);
            Assert.StartsWith("Slack:ApiBaseUrl must be an https URL", failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_tokens_at_all_is_valid_and_runs_no_socket_mode_worker()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddChatBotSlack();
        using var host = builder.Build();

        Assert.False(host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.SocketModeEnabled);
        Assert.Empty(host.Services.GetServices<IHostedService>());
    }
}
