namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// A new folder under the temp folder's <c>chatbot-bench</c> for a scenario's own files (the floor's engines, a
/// warm-up's store), deleted when disposed; a folder that cannot be deleted is reported, not thrown over.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    private readonly TextWriter _progress;

    public ScratchFolder(string name, TextWriter progress)
    {
        _progress = progress;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatbot-bench", Guid.NewGuid().ToString("N") + "-" + name);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            _progress.WriteLine($"  could not delete {Path}: {e.Message}");
        }
    }
}
