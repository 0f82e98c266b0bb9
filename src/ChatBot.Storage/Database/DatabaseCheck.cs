using System.Globalization;
using ChatBot.Core.Doctor;

namespace ChatBot.Storage.Database;

/// <summary>
/// Doctor: the database file opens and its papers can be counted. A running bot holding the file is normal,
/// not a fault: the read-only read still proves the file readable, so that is a pass with a note; only when
/// it cannot be read beside the bot is it a warning (nothing is known), and a file that cannot be read at
/// all fails.
/// </summary>
internal sealed class DatabaseCheck(DatabaseInspector inspector) : IDoctorCheck
{
    public const string OpenElsewhere = "open in another process (probably the running bot)";

    public string Name => "Database";

    public Task<CheckResult?> RunAsync(CancellationToken cancellationToken) => Task.FromResult<CheckResult?>(Judge(inspector.Snapshot));

    private CheckResult Judge(DatabaseSnapshot database)
    {
        if (!database.Exists)
        {
            return CheckResult.Warning(
                Name,
                $"no database at {database.FilePath} yet",
                "Nothing to do on a new install (the bot creates it on first start); if the bot has run before, Storage:DataDirectory or --data-dir points elsewhere.");
        }

        if (database.Error is { } error)
        {
            if (database.InUse)
            {
                return CheckResult.Warning(
                    Name, $"{database.FilePath} is {OpenElsewhere} and could not be read beside it: {error}", "Run doctor again while the bot is stopped to check the file itself.");
            }

            return CheckResult.Fail(
                Name,
                $"{database.FilePath} cannot be read: {error}",
                database.AccessDenied
                    ? "Give the bot's user read and write access to the file and its folder."
                    : "Restore the file from a backup, or move it aside to start empty (the sources fill it again, but alerts and schedules are lost).");
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{database.FilePath}: {database.Papers} papers (revision {database.LastRevision})");
        return CheckResult.Pass(Name, database.InUse ? $"{detail}; {OpenElsewhere}, read without locking it" : detail);
    }
}
