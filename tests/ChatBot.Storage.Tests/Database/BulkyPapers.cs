using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Database;

/// <summary>Batches of papers with long abstracts (about a LiteDB page each), so a few batches fill the log.</summary>
internal static class BulkyPapers
{
    public const int PerBatch = 50;

    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", 110));

    public static string IdOf(int batch, int index) => $"2611.{(batch * PerBatch) + index:D5}";

    public static List<Paper> Batch(int batch) =>
    [
        .. Enumerable.Range(0, PerBatch).Select(i =>
            TestPapers.Arxiv(IdOf(batch, i), $"Bulky paper {batch} {i}") with { Abstract = $"Batch {batch}, paper {i}. {Filler}" }),
    ];
}
