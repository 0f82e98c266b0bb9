using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Core;

public static class ChatBotCoreRegistration
{
    /// <summary>The domain services: ingestion and its sources.</summary>
    public static IHostApplicationBuilder AddChatBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PaperIngestor>();
        builder.Services.AddSingleton<IngestService>();
        PaperSourcesRegistration.AddPaperSources(builder);
        return builder;
    }
}
