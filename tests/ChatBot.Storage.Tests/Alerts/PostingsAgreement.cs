using ChatBot.Core.Search;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Search;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>What <see cref="BatchPostings"/> reads of a word or phrase, set against what Lucene's search of its query finds.</summary>
internal static class PostingsAgreement
{
    /// <summary>
    /// Asserts that each term's query sets exactly the documents a Lucene search of it finds (terms that analyse to nothing
    /// are skipped); for each term compared, whether it matched any document.
    /// </summary>
    public static List<bool> AssertSameAsSearch(AlertBatch batch, PaperQueryBuilder queries, IEnumerable<QueryTerm> terms)
    {
        var postings = new BatchPostings(batch);
        var matched = new List<bool>();
        foreach (var term in terms)
        {
            if (queries.Term(term) is not { } query)
            {
                continue;
            }

            var searched = new ulong[batch.Words];
            batch.Searcher.Search(query, new DocBitsCollector(searched));
            var read = new ulong[batch.Words];
            postings.Collect(query, read);

            Assert.True(searched.AsSpan().SequenceEqual(read), $"{term}: the postings give other documents than the search");
            matched.Add(read.Any(word => word != 0));
        }

        return matched;
    }
}
