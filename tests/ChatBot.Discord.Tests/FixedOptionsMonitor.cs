using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

/// <summary>Options that never change, for constructing services by hand.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
