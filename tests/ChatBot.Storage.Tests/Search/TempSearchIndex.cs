using ChatBot.Core.Storage;
using ChatBot.Storage.Search;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Search;

/// <summary>A Lucene index in a temp data directory, which a test can close and open again.</summary>
internal sealed class TempSearchIndex : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SearchIndexOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>An index with the given commit settings and clock (the defaults and the system clock when null).</summary>
    public TempSearchIndex(SearchIndexOptions? options = null, TimeProvider? clock = null)
    {
        _options = options ?? new SearchIndexOptions();
        _clock = clock ?? TimeProvider.System;
        Index = Open();
    }

    public LuceneSearchIndex Index { get; private set; }

    public string DataDirectory => _directory.Path;

    /// <summary>The index folder (data/index).</summary>
    public string IndexPath => Index.IndexPath;

    /// <summary>Closes the index and opens it again, as a restarted process would.</summary>
    public void Reopen()
    {
        Index.Dispose();
        Index = Open();
    }

    /// <summary>Another index object on the same folder, as a second process would open it.</summary>
    public LuceneSearchIndex Open() => new(
        Options.Create(_options),
        Options.Create(new StorageOptions { DataDirectory = _directory.Path }),
        _clock,
        NullLogger<LuceneSearchIndex>.Instance);

    public void Dispose()
    {
        Index.Dispose();
        _directory.Dispose();
    }
}
