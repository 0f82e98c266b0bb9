using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// The commands people send during the soak, drawn from a seeded <see cref="Random"/>: searches of one to three words
/// from real titles (some with a phrase, a filter or a sort), <c>show</c> of a real title or of an unknown id,
/// <c>trending</c> over a few days, and a few queries the parser refuses. Every one deserves exactly one answer.
/// </summary>
internal sealed class CommandMix(int seed, IReadOnlyList<string> titles)
{
    private static readonly string[] Suffixes = ["", "", "", " since:30d", " sort:new", " sort:top", " -survey", " upvotes:>=5"];
    private static readonly string[] Refused = ["search since:banana", "search \"an unclosed phrase", "search upvotes:>=lots", "show", "trending 400"];

    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public SoakRequest Next()
    {
        lock (_gate)
        {
            var roll = _random.NextDouble();
            return roll switch
            {
                < 0.5 => Search(),
                < 0.7 => Show(),
                < 0.9 => Trending(),
                _ => Bad(),
            };
        }
    }

    private SoakRequest Search()
    {
        var words = Words(Title());
        string query;
        if (words.Count >= 2 && _random.Next(5) == 0)
        {
            var at = _random.Next(words.Count - 1);
            query = $"\"{words[at]} {words[at + 1]}\"";
        }
        else
        {
            var count = Math.Min(words.Count, 1 + _random.Next(3));
            query = string.Join(' ', Enumerable.Range(0, count).Select(_ => words[_random.Next(words.Count)]).Distinct(StringComparer.Ordinal));
        }

        query = (query.Length == 0 ? "transformer" : query) + Suffixes[_random.Next(Suffixes.Length)];
        return new SoakRequest("search", "search " + query, Subcommand("search", Option("query", 3, query)));
    }

    private SoakRequest Show()
    {
        var id = _random.Next(5) == 0 ? "2401.99999" : Title();
        return new SoakRequest("show", "show " + id, Subcommand("show", Option("id", 3, id)));
    }

    private SoakRequest Trending()
    {
        if (_random.Next(2) == 0)
        {
            return new SoakRequest("trending", "trending", Subcommand("trending"));
        }

        var days = 1 + _random.Next(30);
        return new SoakRequest("trending", string.Create(CultureInfo.InvariantCulture, $"trending {days}"), Subcommand("trending", Option("days", 4, days)));
    }

    private SoakRequest Bad()
    {
        var text = Refused[_random.Next(Refused.Length)];
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? text : text[..space];
        var rest = space < 0 ? "" : text[(space + 1)..];
        JsonArray options = name switch
        {
            "search" => Subcommand(name, Option("query", 3, rest)),
            "trending" => Subcommand(name, Option("days", 4, int.Parse(rest, CultureInfo.InvariantCulture))),
            _ => Subcommand(name),
        };
        return new SoakRequest(name, text, options);
    }

    private string Title() => titles.Count == 0 ? "Attention Is All You Need" : titles[_random.Next(titles.Count)];

    private static List<string> Words(string title) =>
        [.. title.Split([' ', ':', ',', '(', ')', '?', '!', '"', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '-', '\'').ToLowerInvariant())
            .Where(w => w.Length >= 4 && w.All(c => char.IsLetterOrDigit(c) || c == '-'))];

    private static JsonArray Subcommand(string name, params JsonObject[] options) =>
        [new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray([.. options]) }];

    private static JsonObject Option(string name, int type, JsonNode value) => new() { ["name"] = name, ["type"] = type, ["value"] = value };
}
