using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Storage.Alerts;

namespace ChatBot.Storage.Tests.Alerts;

public sealed class AlertMatchListTests
{
    [Fact]
    public void Reads_the_parts_in_order_by_index_and_by_enumeration_skipping_empty_parts()
    {
        List<AlertMatch>[] parts = [[], [Match("a", 1), Match("a", 2)], [], [], [Match("b", 1)], [Match("c", 3), Match("c", 4)], []];

        var list = new AlertMatchList(parts);

        AlertMatch[] expected = [Match("a", 1), Match("a", 2), Match("b", 1), Match("c", 3), Match("c", 4)];
        Assert.Equal(expected.Length, list.Count);
        Assert.Equal(expected, list);
        Assert.Equal(expected, Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void Empty_parts_make_an_empty_list()
    {
        var list = new AlertMatchList([[], []]);

        Assert.Empty(list);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[0]);
    }

    private static AlertMatch Match(string alert, int paper) => new(alert, PaperId.Parse($"2502.{paper:00000}"));
}
