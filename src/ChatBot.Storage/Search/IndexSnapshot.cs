namespace ChatBot.Storage.Search;

/// <summary>
/// What the doctor saw of the search index folder: no index at all, an index (its document count and the
/// revision of its last commit), or damage (<see cref="Error"/>).
/// </summary>
internal sealed record IndexSnapshot(string Path, bool Exists, int Documents, long Revision, string? Error)
{
    public bool Damaged => Error is not null;
}
