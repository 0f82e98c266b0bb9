using ChatBot.Storage.Database;
using ChatBot.Testing;
using LiteDB;

namespace ChatBot.Storage.Tests.Database;

public sealed class ChunkedReadTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(2_000)]
    public void Every_document_is_read_once_in_id_order_whatever_the_chunk(int chunk)
    {
        using var db = new LiteDatabase(Path.Combine(_directory.Path, "chunks.db"));
        var collection = db.GetCollection("rows");
        collection.InsertBulk(Enumerable.Range(0, 10).Reverse().Select(i => new BsonDocument { ["_id"] = $"k{i:00}", ["n"] = i }));

        var read = ChunkedRead.ById(collection, chunk).Select(d => d["n"].AsInt32).ToList();
        var projected = ChunkedRead.ById(collection, chunk, BsonExpression.Create("{ i: $._id, twice: $.n * 2 }"), idField: "i")
            .Select(d => $"{d["i"].AsString}={d["twice"].AsInt32}").ToList();

        Assert.Equal(Enumerable.Range(0, 10), read);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"k{i:00}={i * 2}"), projected);
    }

    [Fact]
    public void An_empty_collection_reads_nothing()
    {
        using var db = new LiteDatabase(Path.Combine(_directory.Path, "empty.db"));

        Assert.Empty(ChunkedRead.ById(db.GetCollection("none"), 2));
    }
}
