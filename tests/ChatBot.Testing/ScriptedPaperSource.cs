using System.Runtime.CompilerServices;
using ChatBot.Core.Ingestion;

namespace ChatBot.Testing;

/// <summary>A paper source that yields what the test scripts for each fetch, or throws.</summary>
public sealed class ScriptedPaperSource(string name) : IPaperSource
{
    private readonly Queue<Func<IReadOnlyList<PaperBatch>>> _fetches = new();
    private static readonly IReadOnlyList<PaperBatch> HangMarker = new List<PaperBatch>();
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public int FetchCount { get; private set; }

    /// <summary>What to do when no fetch is scripted: yield nothing.</summary>
    public ScriptedPaperSource Then(params PaperBatch[] batches)
    {
        _fetches.Enqueue(() => batches);
        return this;
    }

    /// <summary>Completes when a fetch scripted with <see cref="ThenHang"/> has started waiting.</summary>
    public Task Hanging => _hanging.Task;

    /// <summary>A fetch that waits for an answer that never comes, until its token is cancelled.</summary>
    public ScriptedPaperSource ThenHang()
    {
        _fetches.Enqueue(() => HangMarker);
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
        if (ReferenceEquals(batches, HangMarker))
        {
            _hanging.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return batch;
        }
    }
}
