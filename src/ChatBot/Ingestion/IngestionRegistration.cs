using ChatBot.Cluster;
using ChatBot.Health;
using ChatBot.Hosting;

namespace ChatBot.Ingestion;

internal static class IngestionRegistration
{
    /// <summary>The ingest worker (every <c>Ingest:Interval</c>) and its outcome at <c>/readyz</c> as <c>ingest</c>.</summary>
    public static IHostApplicationBuilder AddIngestWorker(this IHostApplicationBuilder builder)
    {
        builder.AddLeadership();
        builder.Services.AddSingleton<IngestHealth>();
        builder.Services.AddPeriodicWorker<IngestWorker>();
        builder.Services.AddHealthChecks().AddCheck<IngestHealth>("ingest");
        return builder;
    }
}
