using ChatBot.Core.Alerts;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>What an alert direct message says.</summary>
public sealed class AlertMessageComposerTests
{
    private readonly AlertMessageComposer _composer = new(Options.Create(new AlertOptions { PapersPerMessage = 3 }));
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal)
    {
        ["1"] = new() { Id = "1", Platform = "discord", UserId = "U1", Query = "mamba" },
        ["2"] = new() { Id = "2", Platform = "discord", UserId = "U1", Query = "vision" },
    };

    [Fact]
    public void One_paper_is_titled_in_the_singular_names_its_alerts_and_points_to_the_list()
    {
        var (papers, pending) = Found(("Mamba for vision", ["1", "2"]));

        var message = _composer.Compose(papers, pending, _alerts);

        Assert.Equal("1 new paper for your alerts", message.Title);
        Assert.Equal("Matched alert 1 \u201cmamba\u201d, alert 2 \u201cvision\u201d", Assert.Single(message.Papers).Context);
        Assert.Equal("Manage them with /alerts list.", message.Footer);
        Assert.Equal("New paper for your alerts \u201cmamba\u201d, \u201cvision\u201d", message.Notification);
        Assert.Equal(ReplyVisibility.Private, message.Visibility);
    }

    [Fact]
    public void Papers_past_the_limit_are_counted_with_a_search_by_the_alert_that_matched_most()
    {
        var (papers, pending) = Found(("Mamba 1", ["1"]), ("Mamba 2", ["1"]), ("Mamba 3", ["1", "2"]), ("Vision 4", ["2"]), ("Mamba 5", ["1"]));

        var message = _composer.Compose(papers, pending, _alerts);

        Assert.Equal("5 new papers for your alerts", message.Title);
        Assert.Equal([1, 2, 3], message.Papers.Select(c => c.Rank));
        Assert.Equal("\u2026and 2 more: /papers search mamba sort:new", message.Footer);
    }

    [Fact]
    public void An_alert_removed_meanwhile_is_named_by_id_and_the_rest_point_to_the_list()
    {
        var (papers, pending) = Found(("A", ["9"]), ("B", ["9"]), ("C", ["9"]), ("D", ["9"]));

        var message = _composer.Compose(papers, pending, _alerts);

        Assert.Equal("Matched alert 9", message.Papers[0].Context);
        Assert.Equal("\u2026and 1 more; /alerts list shows your alerts.", message.Footer);
        Assert.Equal("New papers for your alerts", message.Notification);
    }

    [Theory]
    [InlineData(1, new[] { "diffusion" }, "New paper for your alert \u201cdiffusion\u201d")]
    [InlineData(2, new[] { "a", "b", "a", "" }, "New papers for your alerts \u201ca\u201d, \u201cb\u201d")]
    [InlineData(5, new[] { "a", "b", "c", "d", "e" }, "New papers for your alerts \u201ca\u201d, \u201cb\u201d, \u201cc\u201d and 2 more")]
    public void The_notification_names_up_to_three_queries(int papers, string[] queries, string expected)
    {
        Assert.Equal(expected, AlertMessageComposer.Notification(papers, queries));
    }

    private static (IReadOnlyList<Paper> Papers, IReadOnlyList<Delivery> Pending) Found(params (string Title, string[] AlertIds)[] papers)
    {
        var found = papers.Select((p, i) => TestPapers.Arxiv($"2611.{i + 1:00000}", p.Title)).ToList();
        var pending = found.Select((p, i) => new Delivery { Platform = "discord", UserId = "U1", PaperId = p.Id, AlertIds = papers[i].AlertIds }).ToList();
        return (found, pending);
    }
}
