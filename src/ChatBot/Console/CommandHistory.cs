namespace ChatBot.Console;

/// <summary>
/// The commands typed in the console, newest last, kept in a file so Up recalls them after a
/// restart. A file that cannot be read or written only costs the history, never the session.
/// </summary>
internal sealed class CommandHistory(string? filePath, int capacity)
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries => _entries;

    public void Load()
    {
        if (filePath is null || !File.Exists(filePath))
        {
            return;
        }

        try
        {
            _entries.AddRange(File.ReadAllLines(filePath).Where(l => l.Length > 0).TakeLast(capacity));
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Add(string line)
    {
        if (line.Length == 0 || capacity == 0 || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        _entries.Add(line);
        if (_entries.Count > capacity)
        {
            _entries.RemoveRange(0, _entries.Count - capacity);
        }

        if (filePath is null)
        {
            return;
        }

        try
        {
            File.WriteAllLines(filePath, _entries);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
