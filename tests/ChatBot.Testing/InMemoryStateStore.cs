using System.Collections.Concurrent;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>An <see cref="IStateStore"/> in a dictionary; <see cref="Writes"/> counts every <c>SetAsync</c>.</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        _values[key] = value;
        Interlocked.Increment(ref _writes);
        return Task.CompletedTask;
    }
}
