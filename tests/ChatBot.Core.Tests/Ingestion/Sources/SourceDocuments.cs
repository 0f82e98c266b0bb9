using System.Globalization;
using System.Text;

namespace ChatBot.Core.Tests.Ingestion.Sources;

/// <summary>Small hand-shaped documents in the formats the sources read.</summary>
internal static class SourceDocuments
{
    /// <summary>A <c>/api/daily_papers</c> list with one item per arXiv id.</summary>
    public static string HuggingFaceList(params string[] arxivIds)
    {
        var items = arxivIds.Select(id => string.Create(CultureInfo.InvariantCulture, $$"""
              {
                "paper": {
                  "id": "{{id}}",
                  "title": "Paper {{id}}",
                  "summary": "What paper {{id}} found.",
                  "authors": [{ "name": "Ada Lovelace" }],
                  "publishedAt": "2025-07-14T17:59:55.000Z",
                  "upvotes": 7
                },
                "publishedAt": "2025-07-15T02:00:00.000Z",
                "title": "Paper {{id}}",
                "numComments": 1
              }
            """));
        return "[\n" + string.Join(",\n", items) + "\n]\n";
    }

    /// <summary>An arXiv API feed with one entry per id (ids may carry a version, as arXiv's do).</summary>
    public static string ArxivFeed(params string[] versionedIds)
    {
        var feed = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <title type="html">ArXiv Query</title>
              <opensearch:itemsPerPage>2</opensearch:itemsPerPage>

            """);
        foreach (var id in versionedIds)
        {
            feed.Append(CultureInfo.InvariantCulture, $"""
                  <entry>
                    <id>http://arxiv.org/abs/{id}</id>
                    <published>2025-07-14T17:59:55Z</published>
                    <title>Paper {id}</title>
                    <summary>What paper {id} found.</summary>
                    <author><name>Ada Lovelace</name></author>
                    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
                  </entry>

                """);
        }

        return feed.Append("</feed>\n").ToString();
    }

    /// <summary>Daily-papers page text (the shape of shared/seeds) with one paper.</summary>
    public static string DailyPapersText(string title) => $"""
        Daily Papers

        Jul 15

        {title}

        Long sequences are costly for attention. We introduce a sparse pattern that keeps full information flow. The method matches dense attention at a fraction of the cost.

          • 3 authors
        ·
        Feb 26, 2021 12

        """;
}
