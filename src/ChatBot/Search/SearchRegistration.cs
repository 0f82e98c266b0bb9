using ChatBot.Core.Storage;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Search;

internal static class SearchRegistration
{
    /// <summary>
    /// Brings the index up to the database before the services registered after it start (so before any command or
    /// ingest), and reports its state at <c>/readyz</c> as <c>search-index</c>. On a shared PostgreSQL store the
    /// index then follows what other processes store (<see cref="IndexFollowWorker"/>: woken by NOTIFY, polling as fallback).
    /// </summary>
    public static IHostApplicationBuilder AddSearchIndexStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<IndexStartup>();
        builder.Services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index");
        if (StorageOptions.PostgresConfigured(builder.Configuration))
        {
            builder.Services.TryAddSingleton<WorkerMetrics>();
            builder.Services.AddHostedService<IndexFollowWorker>();
        }

        return builder;
    }
}
