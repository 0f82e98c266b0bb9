using ChatBot.Benchmarks.Corpus;
using ChatBot.Core.Search;

namespace ChatBot.Benchmarks.Queries;

/// <summary>
/// A reproducible set of alert queries over the synthetic corpus, in the shapes people subscribe to:
/// mostly one to three words (a topic word, then words as frequent as the corpus makes them), some
/// phrases, authors, exclusions, alternatives and title words. Each is written as text and parsed as
/// the bot parses an alert; only the texts are kept, as the bot stores an alert's text and parses it per batch (100,000
/// parsed queries held while the scenario sets up would be the benchmark's memory, not the bot's).
/// </summary>
internal sealed class AlertMix(int seed, Vocabulary vocabulary, AuthorPool authors)
{
    private readonly Random _random = SeedMix.Random(seed, 0, stream: 11);

    /// <summary>The texts of the alerts that parse, with their ids, and how many texts the parser rejected (skipped).</summary>
    public (List<(string AlertId, string Text)> Alerts, int Rejected) Take(int count)
    {
        var alerts = new List<(string AlertId, string Text)>(count);
        var rejected = 0;
        for (var i = 0; i < count; i++)
        {
            var text = NextText();
            if (SearchQueryParser.TryParse(text, out _, out _))
            {
                alerts.Add(($"alert-{i}", text));
            }
            else
            {
                rejected++;
            }
        }

        return (alerts, rejected);
    }

    private string NextText()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 30 => Head(),
            < 55 => $"{Head()} {Content()}",
            < 65 => $"{Head()} {Content()} {Content()}",
            < 75 => $"\"{MlWords.Phrases[_random.Next(MlWords.Phrases.Count)]}\"",
            < 85 => $"author:\"{authors.NextName(_random)}\"",
            < 93 => $"{Head()} -{Head()}",
            < 97 => $"{Head()} OR {Head()}",
            _ => $"title:{Head()}",
        };
    }

    private string Head() => vocabulary.NextHeadWord(_random);

    private string Content() => vocabulary.NextContent(_random);
}
