using ChatBot.Core.Cluster;

namespace ChatBot.Core.Tests.Cluster;

public sealed class InMemoryEventClaimsTests
{
    [Fact]
    public async Task A_delivery_is_claimed_once_by_any_of_its_keys_per_platform()
    {
        var claims = new InMemoryEventClaims();

        var first = await claims.TryClaimAsync("slack", ["envelope:e1", "slash_commands:t1"]);
        var again = await claims.TryClaimAsync("slack", ["envelope:e1"]);
        var retryOnAnotherEnvelope = await claims.TryClaimAsync("slack", ["envelope:e2", "slash_commands:t1"]);
        var otherPlatform = await claims.TryClaimAsync("discord", ["envelope:e1"]);

        Assert.True(first);
        Assert.False(again);
        Assert.False(retryOnAnotherEnvelope);
        Assert.True(otherPlatform);
    }

    [Fact]
    public async Task The_oldest_claims_are_forgotten_past_the_capacity()
    {
        var claims = new InMemoryEventClaims(capacity: 2);
        await claims.TryClaimAsync("discord", ["1"]);
        await claims.TryClaimAsync("discord", ["2"]);
        await claims.TryClaimAsync("discord", ["3"]);

        Assert.True(await claims.TryClaimAsync("discord", ["1"]));
        Assert.False(await claims.TryClaimAsync("discord", ["3"]));
    }
}
