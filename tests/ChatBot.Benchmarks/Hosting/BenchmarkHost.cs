using ChatBot.Benchmarks.Measuring;
using ChatBot.Core;
using ChatBot.Core.Ingestion.Sources;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Storage;
using ChatBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Benchmarks.Hosting;

/// <summary>
/// The bot's own service registrations (<c>AddChatBotCore</c>, <c>AddChatBotStorage</c>) on a data
/// folder of our own, with every paper source switched off and only warnings logged (to stderr).
/// The host is built, never started: scenarios resolve services and call them. The paper store and
/// the search index are wrapped to time their share of ingest (<see cref="IngestTimings"/>). With a
/// PostgreSQL connection string the stores are PostgreSQL's, as with <c>Storage:Provider=postgres</c>.
/// </summary>
internal static class BenchmarkHost
{
    public static IHost Build(string dataDirectory, string? postgres = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory,
            [$"{HuggingFaceSourceOptions.SectionName}:{nameof(HuggingFaceSourceOptions.Enabled)}"] = "false",
            [$"{ArxivSourceOptions.SectionName}:{nameof(ArxivSourceOptions.Enabled)}"] = "false",
            [$"{InboxSourceOptions.SectionName}:{nameof(InboxSourceOptions.Enabled)}"] = "false",
        });
        if (postgres is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = StorageOptions.PostgresProvider,
                [$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] = postgres,
            });
        }

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddChatBotCore();
        builder.AddChatBotStorage();
        builder.AddChatBotPostgresStorage();

        // Time the store and the index apart, so the report can say where ingest time goes.
        builder.Services.AddSingleton<IngestTimings>();
        builder.Services.TryDecorate<IPaperStore>((store, services) => new TimedPaperStore(store, services.GetRequiredService<IngestTimings>()));
        builder.Services.TryDecorate<ISearchIndex>((index, services) => new TimedSearchIndex(index, services.GetRequiredService<IngestTimings>()));
        return builder.Build();
    }
}
