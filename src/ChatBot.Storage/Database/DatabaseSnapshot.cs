namespace ChatBot.Storage.Database;

/// <summary>
/// What the doctor saw of the database file. <see cref="InUse"/>: another process (a running bot) has it
/// open. <see cref="Error"/>: why it could not be read (<see cref="AccessDenied"/> when the file's permissions
/// were why); the counts are then zero.
/// </summary>
internal sealed record DatabaseSnapshot(string FilePath, bool Exists, bool InUse, int Papers, long LastRevision, string? Error, bool AccessDenied = false)
{
    public bool Readable => Exists && Error is null;
}
