using ChatBot.Storage.Search;

namespace ChatBot.Storage.Tests.Search;

/// <summary><see cref="SegmentCache{TKey, TValue}"/>: one value per segment and key, built once; past the capacity, built per use.</summary>
public sealed class SegmentCacheTests
{
    [Fact]
    public void A_kept_value_is_built_once_per_segment_and_key_and_a_key_past_the_capacity_every_time()
    {
        var cache = new SegmentCache<string, object>(capacity: 1);
        var segment = new object();
        var other = new object();
        var builds = 0;
        object Build(string key)
        {
            builds++;
            return new object();
        }

        var first = cache.GetOrBuild(segment, "a", "a", Build);
        Assert.Same(first, cache.GetOrBuild(segment, "a", "a", Build));
        Assert.Equal(1, builds);

        var overCapacity = cache.GetOrBuild(segment, "b", "b", Build);
        Assert.NotSame(overCapacity, cache.GetOrBuild(segment, "b", "b", Build));
        Assert.Equal(3, builds);

        Assert.NotSame(first, cache.GetOrBuild(other, "a", "a", Build));
        Assert.Equal(4, builds);
    }
}
