using System.Text.Json;

namespace ChatBot.Admin;

/// <summary>
/// <c>instance.json</c> in the data directory: how the CLI reaches the bot that has the database open (its
/// URL, the admin token, its process id). The bot writes it owner-only once it serves HTTP and deletes it
/// when it stops cleanly. Whoever can read it can ask the bot for a backup; they could copy the data
/// directory anyway.
/// </summary>
internal sealed record InstanceFile(Uri Url, string Token, int ProcessId)
{
    public const string FileName = "instance.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The file, or null when there is none or it cannot be read (a stale or half-written one).</summary>
    public static InstanceFile? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<InstanceFile>(File.ReadAllText(path), Json) is { Url: not null, Token.Length: > 0 } instance
                ? instance
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the file readable by its owner only, through a rename so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(partial, options))
        {
            JsonSerializer.Serialize(file, this, Json);
        }

        File.Move(partial, path, overwrite: true);
    }

    // The generated ToString would print the token; this one can go in any log.
    public override string ToString() => $"ChatBot process {ProcessId} at {Url}";
}
