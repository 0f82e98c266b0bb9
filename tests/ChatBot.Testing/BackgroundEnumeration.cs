namespace ChatBot.Testing;

/// <summary>
/// Drains an async sequence on a background task, so a test can drive a fake clock or a fake
/// server meanwhile. Disposing cancels the enumeration and waits for it, so nothing outlives the test.
/// </summary>
public sealed class BackgroundEnumeration<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancellation = new(TimeSpan.FromSeconds(30));

    public BackgroundEnumeration(Func<CancellationToken, IAsyncEnumerable<T>> sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        Completion = Task.Run(async () =>
        {
            var items = new List<T>();
            await foreach (var item in sequence(_cancellation.Token))
            {
                items.Add(item);
            }

            return (IReadOnlyList<T>)items;
        });
    }

    /// <summary>Every item, once the sequence ends; faults with whatever the sequence threw.</summary>
    public Task<IReadOnlyList<T>> Completion { get; }

    public async ValueTask DisposeAsync()
    {
        await _cancellation.CancelAsync();
        try
        {
            await Completion;
        }
        catch (Exception)
        {
            // The test has observed (or chosen to ignore) the outcome; this only stops the work.
        }

        _cancellation.Dispose();
    }
}
