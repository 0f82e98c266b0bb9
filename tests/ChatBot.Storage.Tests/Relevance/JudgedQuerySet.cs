using System.Text.Json;

namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// Reads <c>judged-queries.json</c>: queries on the seed corpus, each with the papers judged relevant
/// after reading their abstracts, before any ranking of the corpus was seen.
/// </summary>
internal static class JudgedQuerySet
{
    public static string DefaultPath { get; } = Path.Combine(AppContext.BaseDirectory, "Relevance", "judged-queries.json");

    public static IReadOnlyList<JudgedQuery> Load() => Parse(File.ReadAllText(DefaultPath));

    public static IReadOnlyList<JudgedQuery> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var queries = new List<JudgedQuery>();
        foreach (var element in document.RootElement.GetProperty("queries").EnumerateArray())
        {
            var kind = element.GetProperty("kind").GetString() switch
            {
                "natural" => QueryKind.Natural,
                "keyword" => QueryKind.Keyword,
                var other => throw new FormatException($"Unknown query kind '{other}'."),
            };
            var judgments = element.GetProperty("judgments").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
            queries.Add(new JudgedQuery(
                element.GetProperty("id").GetString()!, element.GetProperty("text").GetString()!, kind, judgments));
        }

        return queries;
    }
}
