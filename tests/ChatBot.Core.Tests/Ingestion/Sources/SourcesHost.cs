using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Core.Tests.Ingestion.Sources;

/// <summary>
/// A host built with the production registration (<see cref="ChatBotCoreRegistration.AddChatBotCore"/>) from
/// in-memory settings, so tests exercise the real options binding, HTTP clients and resilience handlers.
/// </summary>
internal static class SourcesHost
{
    public static IHost Build(
        IDictionary<string, string?> settings,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddChatBotCore();
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    public static IPaperSource Source(this IHost host, string name) =>
        host.Services.GetServices<IPaperSource>().Single(source => source.Name == name);

    public static async Task<List<PaperBatch>> FetchAllAsync(this IPaperSource source, CancellationToken cancellationToken = default)
    {
        var batches = new List<PaperBatch>();
        await foreach (var batch in source.FetchAsync(cancellationToken))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
