namespace ChatBot.Discord.Tests;

/// <summary>
/// <c>Discord:ShardIds</c> and <c>Discord:ShardCount</c>: the shards a process runs, each one line naming the key when
/// wrong. Discord refuses an Identify whose shard id is not below the count (close 4010, invalid shard:
/// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
/// </summary>
public sealed class DiscordShardOptionsTests
{
    [Theory]
    [InlineData("0,1", 2, new[] { 0, 1 })]
    [InlineData("0-3", 4, new[] { 0, 1, 2, 3 })]
    [InlineData(" 4-5 , 1 ", 6, new[] { 4, 5, 1 })]
    [InlineData("7", 8, new[] { 7 })]
    public void Shard_ids_and_ranges_are_read_in_order(string ids, int count, int[] expected)
    {
        var options = new DiscordOptions { ShardIds = ids, ShardCount = count };

        Assert.False(new DiscordOptionsValidator().Validate(null, options).Failed);
        Assert.Equal(expected, options.Shards());
    }

    [Fact]
    public void Without_shard_ids_the_process_runs_the_one_shard_id()
    {
        Assert.Equal([0], new DiscordOptions().Shards());
        Assert.Equal([2], new DiscordOptions { ShardId = 2, ShardCount = 3 }.Shards());
    }

    [Theory]
    [InlineData("0,1,1", 4, "names shard 1 twice")]
    [InlineData("0-2,2", 4, "names shard 2 twice")]
    [InlineData("3-1", 4, "runs backwards")]
    [InlineData("a", 4, "'a'")]
    [InlineData("0,,1", 4, "''")]
    [InlineData("-1", 4, "'-1'")]
    [InlineData("0-4", 4, "names shard 4, but Discord:ShardCount is 4")]
    [InlineData("2", 2, "names shard 2, but Discord:ShardCount is 2")]
    public void Wrong_shard_ids_fail_with_one_line_naming_the_key(string ids, int count, string problem)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardIds = ids, ShardCount = count });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Discord:ShardIds ", failure, StringComparison.Ordinal);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void A_shard_id_not_below_the_count_fails_naming_both_keys()
    {
        var failure = Assert.Single(new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardId = 1 }).Failures!);

        Assert.Contains("Discord:ShardId (1) must be less than Discord:ShardCount (1)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_id_and_shard_ids_together_fail_asking_for_one()
    {
        var failure = Assert.Single(new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardId = 1, ShardIds = "0,1", ShardCount = 2 }).Failures!);

        Assert.Contains("Discord:ShardIds and Discord:ShardId are both set", failure, StringComparison.Ordinal);
    }
}
