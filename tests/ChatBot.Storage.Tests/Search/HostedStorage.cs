using ChatBot.Core;
using ChatBot.Core.Alerts;
using ChatBot.Core.Doctor;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Embeddings;
using ChatBot.Storage.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// The store, the index and the synchronizer as the host registers them (AddChatBotCore +
/// AddChatBotStorage), on a data directory the test owns. Disposing closes the database and the index.
/// </summary>
internal sealed class HostedStorage : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="dataDirectory">The data directory (<c>Storage:DataDirectory</c>).</param>
    /// <param name="settings">More configuration keys (e.g. <c>Search:CommitEveryPapers</c>).</param>
    /// <param name="embeddings">Registers the packaged embedding model (AddChatBotEmbeddings), as the bot does.</param>
    public HostedStorage(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, bool embeddings = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddChatBotCore();
        builder.AddChatBotStorage();
        if (embeddings)
        {
            builder.AddChatBotEmbeddings();
        }

        _services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public IPaperStore Store => _services.GetRequiredService<IPaperStore>();

    public ISearchIndex Index => _services.GetRequiredService<ISearchIndex>();

    public IAlertMatcher AlertMatcher => _services.GetRequiredService<IAlertMatcher>();

    public SearchIndexSynchronizer Synchronizer => _services.GetRequiredService<SearchIndexSynchronizer>();

    public PaperIngestor Ingestor => _services.GetRequiredService<PaperIngestor>();

    public DatabaseBackup Backup => _services.GetRequiredService<DatabaseBackup>();

    public DatabaseRestore Restore => _services.GetRequiredService<DatabaseRestore>();

    /// <summary>Any registered service, as the host would resolve it.</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>One of the doctor checks the storage registers, by its row name (<c>Database</c>, <c>Search index</c>).</summary>
    public IDoctorCheck DoctorCheck(string name) => _services.GetServices<IDoctorCheck>().Single(check => check.Name == name);

    /// <summary>Parses and ingests every seed file, as <c>import</c> does.</summary>
    public async Task ImportSeedsAsync()
    {
        foreach (var file in ChatBot.Testing.SeedCorpus.Files)
        {
            var result = ChatBot.Core.Ingestion.Parsing.PaperDocument.Parse(await File.ReadAllTextAsync(file), file);
            await Ingestor.IngestAsync(PaperBatch.From(file, result), CancellationToken.None);
        }
    }

    public void Dispose() => _services.Dispose();
}
