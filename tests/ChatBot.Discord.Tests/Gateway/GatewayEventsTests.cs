using System.Text.Json;
using ChatBot.Discord.Gateway;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class GatewayEventsTests
{
    [Theory]
    [InlineData("""{"heartbeat_interval":41250}""", 41250.0)]
    [InlineData("""{"heartbeat_interval":100}""", 100.0)]
    [InlineData("""{"heartbeat_interval":99}""", null)]
    [InlineData("""{"heartbeat_interval":600001}""", null)]
    [InlineData("""{"heartbeat_interval":"41250"}""", null)]
    [InlineData("""{}""", null)]
    [InlineData("""[41250]""", null)]
    public void Hellos_heartbeat_interval_is_read_only_when_it_is_a_number_of_milliseconds_in_range(string hello, double? milliseconds)
    {
        using var document = JsonDocument.Parse(hello);

        var read = GatewayEvents.TryReadHeartbeatInterval(document.RootElement, out var interval);

        Assert.Equal(milliseconds is not null, read);
        Assert.Equal(milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : default, interval);
    }

    [Fact]
    public void READY_gives_the_session_id_resume_url_and_user_name()
    {
        using var document = JsonDocument.Parse("""{"session_id":"s1","resume_gateway_url":"wss://resume.discord.gg","user":{"username":"papers"}}""");

        Assert.True(GatewayEvents.TryReadReady(document.RootElement, out var ready));
        Assert.Equal(("s1", "wss://resume.discord.gg", "papers"), ready);
    }

    [Theory]
    [InlineData("""{"resume_gateway_url":"wss://resume.discord.gg"}""")]
    [InlineData("""{"session_id":""}""")]
    [InlineData("""{"session_id":42}""")]
    [InlineData("""null""")]
    public void A_READY_without_a_session_id_is_not_read(string ready)
    {
        using var document = JsonDocument.Parse(ready);

        Assert.False(GatewayEvents.TryReadReady(document.RootElement, out _));
    }
}
