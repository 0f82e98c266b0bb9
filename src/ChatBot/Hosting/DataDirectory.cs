using ChatBot.Core;
using ChatBot.Core.Storage;

namespace ChatBot.Hosting;

/// <summary>
/// The data directory (database, index, inbox, logs, the instance file with the admin token) is created readable
/// by its owner only: mode 0700 on Unix. One that exists already is left as its owner set it.
/// </summary>
internal static class DataDirectory
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder when missing and returns its full path; a folder that cannot be created is one line.</summary>
    public static string Ensure(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var path = storage.ResolveDataDirectory();
        try
        {
            if (!Directory.Exists(path))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(path);
                }
                else
                {
                    Directory.CreateDirectory(path, OwnerOnly);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChatBotException($"Cannot create the data directory {path} ({e.Message}); set Storage:DataDirectory (or --data-dir) to a folder you can write.", e);
        }

        return path;
    }
}
