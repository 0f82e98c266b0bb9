using LiteDB;

namespace ChatBot.Storage.Database;

/// <summary>
/// Reads a whole collection in short queries by primary key. LiteDB 5 keeps every page a query or transaction reads
/// until it ends (up to 100,000 pages, 800 MB), and its page cache never gives memory back: one query over a large
/// collection leaves all of it in the cache. Queries of a bounded number of documents let it reuse its pages. Call it
/// outside a transaction (each query must end on its own); a write between two chunks is seen by the later ones only
/// (none is read twice or skipped by the read itself: the key only grows).
/// </summary>
internal static class ChunkedRead
{
    /// <summary>
    /// Every document of <paramref name="collection"/> in <c>_id</c> order, <paramref name="chunk"/> per query, each as
    /// <paramref name="fields"/> makes it when given (the projection must keep the <c>_id</c>, under
    /// <paramref name="idField"/>). A chunk is read whole before its documents are handed on.
    /// </summary>
    public static IEnumerable<BsonDocument> ById(ILiteCollection<BsonDocument> collection, int chunk, BsonExpression? fields = null, string idField = "_id")
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        return Read(collection, chunk, fields, idField);
    }

    private static IEnumerable<BsonDocument> Read(ILiteCollection<BsonDocument> collection, int chunk, BsonExpression? fields, string idField)
    {
        var after = BsonValue.MinValue;
        while (true)
        {
            var query = collection.Query().Where(Query.GT("_id", after)).OrderBy("_id");
            var rows = (fields is null ? query : query.Select(fields)).Limit(chunk).ToList();
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < chunk)
            {
                yield break;
            }

            after = rows[^1][idField];
        }
    }
}
