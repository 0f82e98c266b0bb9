using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ChatBot.Storage.Search;

/// <summary>
/// Reads the search index for the doctor without a writer: nothing is created, locked, repaired or deleted
/// (opening a <see cref="LuceneIndexSession"/> would reset a damaged index), and a running bot's writer is
/// not disturbed.
/// </summary>
internal static class LuceneIndexInspection
{
    public static IndexSnapshot Read(string path)
    {
        if (!System.IO.Directory.Exists(path))
        {
            return new IndexSnapshot(path, Exists: false, 0, 0, null);
        }

        try
        {
            using var directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                return LuceneIndexSession.HoldsIndexFiles(path)
                    ? new IndexSnapshot(path, Exists: true, 0, 0, "the folder holds index files but no segments file")
                    : new IndexSnapshot(path, Exists: false, 0, 0, null);
            }

            using var reader = DirectoryReader.Open(directory);
            return new IndexSnapshot(path, Exists: true, reader.NumDocs, LuceneIndexSession.ReadRevision(reader.IndexCommit.UserData), null);
        }
        catch (Exception e) when (LuceneIndexSession.IsDamage(e))
        {
            return new IndexSnapshot(path, Exists: true, 0, 0, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
