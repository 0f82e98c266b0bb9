namespace ChatBot.Tests;

/// <summary>
/// Sets process environment variables for one test and removes them on dispose. Tests using it
/// belong to the <see cref="ProcessEnvironment"/> collection, so none run side by side.
/// </summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly List<string> _names = [];

    public void Set(string name, string value)
    {
        _names.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var name in _names)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
