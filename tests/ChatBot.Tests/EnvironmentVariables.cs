namespace ChatBot.Tests;

/// <summary>
/// Sets (or removes) process environment variables for one test and puts back what was there on dispose (a
/// container image sets some, such as ASPNETCORE_HTTP_PORTS). Tests using it belong to the
/// <see cref="ProcessEnvironment"/> collection, so none run side by side.
/// </summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly Dictionary<string, string?> _originals = new(StringComparer.Ordinal);

    public void Set(string name, string value)
    {
        _originals.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Remove(string name)
    {
        _originals.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, null);
    }

    public void Dispose()
    {
        foreach (var (name, original) in _originals)
        {
            Environment.SetEnvironmentVariable(name, original);
        }
    }
}
