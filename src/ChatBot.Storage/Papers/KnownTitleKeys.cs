using LiteDB;

namespace ChatBot.Storage.Papers;

/// <summary>
/// Every title key stored so far, held in memory so that a batch asks LiteDB only about keys that
/// can match. LiteDB answers a lookup of an absent key in a large non-unique index slowly (about
/// 2 ms each at 10,000 papers, measured), and nearly every paper of a fresh batch is absent.
/// Keys are only ever added: a stale key costs one lookup that finds nothing, never a wrong answer.
/// </summary>
internal sealed class KnownTitleKeys
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public static KnownTitleKeys Load(ILiteCollection<BsonDocument> collection)
    {
        var known = new KnownTitleKeys();
        var titleKeys = BsonExpression.Create($"{{ t: $.{PaperDocumentMapper.TitleKeyField} }}");
        foreach (var row in collection.Query().Select(titleKeys).ToEnumerable())
        {
            if (row["t"].IsString)
            {
                known._keys.Add(row["t"].AsString);
            }
        }

        return known;
    }

    public bool MayExist(string titleKey) => _keys.Contains(titleKey);

    public void Add(string titleKey) => _keys.Add(titleKey);
}
