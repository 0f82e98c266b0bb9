using ChatBot.Core.Resilience;

namespace ChatBot.Core.Tests.Resilience;

public sealed class BackoffTests
{
    [Fact]
    public void Ceiling_doubles_per_failure_up_to_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(f => backoff.Ceiling(f).TotalSeconds));
    }

    [Fact]
    public void A_huge_failure_count_stays_at_the_cap_without_overflowing()
    {
        var backoff = new Backoff(TimeSpan.FromHours(1), TimeSpan.FromDays(7));

        Assert.Equal(TimeSpan.FromDays(7), backoff.Ceiling(int.MaxValue));
        Assert.InRange(backoff.Delay(int.MaxValue), TimeSpan.FromDays(3.5), TimeSpan.FromDays(7));
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.5, 6.0)]
    [InlineData(1.0, 8.0)]
    public void Delay_is_between_half_and_all_of_the_ceiling(double sample, double expectedSeconds)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), () => sample);

        Assert.Equal(expectedSeconds, backoff.Delay(4).TotalSeconds, precision: 6);
    }

    [Fact]
    public void No_jitter_gives_the_ceiling()
    {
        var backoff = new Backoff(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), Backoff.NoJitter);

        Assert.Equal(TimeSpan.FromMinutes(4), backoff.Delay(3));
    }

    [Fact]
    public void Default_jitter_stays_within_the_bounds()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

        Assert.All(Enumerable.Range(0, 200), _ =>
            Assert.InRange(backoff.Delay(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_jitter_source_out_of_range_is_clamped()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), () => 7.0);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Delay(1));
    }
}
