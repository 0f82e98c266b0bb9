using System.Runtime.CompilerServices;
using ChatBot.Core.Ingestion;

namespace ChatBot.Testing;

/// <summary>A paper source that yields what the test scripts for each fetch, or throws.</summary>
public sealed class ScriptedPaperSource(string name) : IPaperSource
{
    private readonly Queue<Func<IReadOnlyList<PaperBatch>>> _fetches = new();

    public string Name { get; } = name;

    public int FetchCount { get; private set; }

    /// <summary>What to do when no fetch is scripted: yield nothing.</summary>
    public ScriptedPaperSource Then(params PaperBatch[] batches)
    {
        _fetches.Enqueue(() => batches);
        return this;
    }

    public ScriptedPaperSource ThenFail(string message)
    {
        _fetches.Enqueue(() => throw new HttpRequestException(message));
        return this;
    }

    public async IAsyncEnumerable<PaperBatch> FetchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FetchCount++;
        var batches = _fetches.Count > 0 ? _fetches.Dequeue()() : [];
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return batch;
        }
    }
}
