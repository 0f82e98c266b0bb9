using ChatBot.Slack;

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
}
