using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Tests.Search;

namespace ChatBot.Storage.Tests.Alerts;

public sealed class SeedCorpusAlertTests(SeedCorpusFixture corpus) : IClassFixture<SeedCorpusFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static readonly char[] Separators = [.. " \n\r\t.,;:!?()[]{}\"'".ToCharArray()];

    [Fact]
    public void The_storage_registration_provides_the_lucene_alert_matcher()
    {
        Assert.IsType<ChatBot.Storage.Alerts.LuceneAlertMatcher>(corpus.AlertMatcher);
    }

    [Fact]
    public async Task Alerts_made_from_seed_titles_match_exactly_what_searches_of_the_same_text_find()
    {
        var alerts = AlertsFromTitles(corpus.Papers);

        var matches = await corpus.AlertMatcher.MatchAsync(corpus.Papers, alerts, Now);

        var byAlert = matches.GroupBy(m => m.AlertId).ToDictionary(g => g.Key, g => g.Select(m => m.PaperId).ToList());
        var matchedSome = 0;
        foreach (var alert in alerts)
        {
            var searched = await corpus.Index.SearchAsync(alert.Query, 0, 100_000, Now);
            var expected = searched.RelaxedToAnyWord ? [] : searched.Hits.Select(h => h.Id.Value).Order(StringComparer.Ordinal).ToList();
            var actual = byAlert.GetValueOrDefault(alert.AlertId, []).Select(id => id.Value).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(actual), $"'{alert.Query.Text}': search finds {expected.Count}, the alert matches {actual.Count}");
            matchedSome += actual.Count > 0 ? 1 : 0;
        }

        Assert.True(alerts.Count > 200);
        Assert.True(matchedSome > alerts.Count / 2, $"{matchedSome} of {alerts.Count} alerts match something");
    }

    // Every seventh paper's title gives a word, two words, a phrase, a title: word, a word with an exclusion and an OR.
    private static List<AlertQuery> AlertsFromTitles(IReadOnlyList<Paper> papers)
    {
        var texts = new List<string>();
        for (var i = 0; i < papers.Count; i += 7)
        {
            var words = papers[i].Title.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length > 3 && !w.StartsWith('-'))
                .ToArray();
            if (words.Length < 3)
            {
                continue;
            }

            var other = papers[(i + 3) % papers.Count].Title.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(w => w.Length > 4 && !w.StartsWith('-')) ?? "survey";
            texts.Add(words[0]);
            texts.Add($"{words[0]} {words[2]}");
            texts.Add($"\"{words[0]} {words[1]}\"");
            texts.Add($"title:{words[1]}");
            texts.Add($"{words[1]} -{other}");
            texts.Add($"{words[2]} OR {other} {words[0]}");
        }

        var alerts = new List<AlertQuery>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (SearchQueryParser.TryParse(texts[i], out var query, out _))
            {
                alerts.Add(new AlertQuery($"seed-{i}", query));
            }
        }

        return alerts;
    }
}
