using ChatBot.Discord.Gateway;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class GatewayCommandsTests
{
    [Fact]
    public void Identify_asks_for_no_intents_and_names_the_shard()
    {
        var identify = GatewayCommands.Identify(new DiscordOptions { Token = "t" }, new GatewayShard(1, 2));

        Assert.Equal(2, identify["op"]!.GetValue<int>());
        Assert.Equal("t", identify["d"]!["token"]!.GetValue<string>());
        Assert.Equal(0, identify["d"]!["intents"]!.GetValue<int>());
        Assert.Equal("[1,2]", identify["d"]!["shard"]!.ToJsonString());
    }

    [Fact]
    public void A_heartbeat_carries_the_last_sequence_or_null_before_the_first()
    {
        Assert.Equal("""{"op":1,"d":null}""", GatewayCommands.Heartbeat(null).ToJsonString());
        Assert.Equal("""{"op":1,"d":7}""", GatewayCommands.Heartbeat(7).ToJsonString());
    }

    [Fact]
    public void Resume_names_the_session_and_the_last_sequence()
    {
        var resume = GatewayCommands.Resume("t", "s1", 9);

        Assert.Equal("""{"op":6,"d":{"token":"t","session_id":"s1","seq":9}}""", resume.ToJsonString());
    }
}
