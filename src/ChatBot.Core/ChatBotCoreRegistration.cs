using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Cluster;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.DailyThreads;
using ChatBot.Core.Commands.Alerts;
using ChatBot.Core.Commands.Papers;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Doctor;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Sources;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Core;

public static class ChatBotCoreRegistration
{
    /// <summary>The domain services: storage settings, ingestion and its sources, trending settings, the doctor's runner.</summary>
    public static IHostApplicationBuilder AddChatBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One meter for the whole bot; the host exports it at /metrics.
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<ChatBotMetrics>();
        // The daily threads and the alerts post through whichever platforms the other projects register.
        AddChatPlatforms(builder.Services);
        // One process (LiteDB) claims deliveries in memory; the PostgreSQL storage registers the shared claims instead.
        builder.Services.TryAddSingleton<IEventClaims, InMemoryEventClaims>();
        // Storage options live in Core: the inbox source and every store read the data directory.
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<TrendingOptions>()
            .BindConfiguration(TrendingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SearchIndexSynchronizer>();
        AddSemantic(builder.Services);
        builder.Services.AddSingleton<PaperIngestor>();
        builder.Services.AddSingleton<IngestService>();
        PaperSourcesRegistration.AddPaperSources(builder);
        AddCommands(builder.Services);
        AddDailyThreads(builder.Services);
        builder.Services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AlertCursor>();
        builder.Services.AddSingleton<LikeAlertMatcher>();
        builder.Services.AddSingleton<AlertMatchRecorder>();
        builder.Services.AddSingleton<AlertDueCheck>();
        builder.Services.AddSingleton<AlertFailurePolicy>();
        builder.Services.AddSingleton<AlertMessageComposer>();
        builder.Services.AddSingleton<AlertMessenger>();
        builder.Services.AddSingleton<AlertSender>();
        builder.Services.AddSingleton<AlertDeliveryService>();
        builder.Services.AddSingleton<DoctorRunner>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, RuntimeCheck>());
        return builder;
    }

    // Search by meaning; the embedding model itself comes from ChatBot.Embeddings (without it, never available).
    private static void AddSemantic(IServiceCollection services)
    {
        services.AddOptions<EmbeddingsOptions>()
            .BindConfiguration(EmbeddingsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ITextEmbedder, DisabledTextEmbedder>();
        services.AddSingleton<PaperVectorSynchronizer>();
        services.AddSingleton<SemanticSearch>();
        services.AddSingleton<PaperSearch>();
    }

    private static void AddDailyThreads(IServiceCollection services)
    {
        DailyThreadConfiguration.Register(services);
        services.AddSingleton<DailyThreadScheduleCatalog>();
        services.AddSingleton<IDailyThreadScheduleSource>(sp => sp.GetRequiredService<DailyThreadScheduleCatalog>());
        services.AddSingleton<DailyThreadMeaningFilter>();
        services.AddSingleton<DailyThreadComposer>();
        services.AddSingleton<DailyThreadService>();
    }

    /// <summary>Every <see cref="IChatPlatform"/> registered under a key (its name), whichever project registered it.</summary>
    internal static void AddChatPlatforms(IServiceCollection services) =>
        services.TryAddSingleton(provider => new ChatPlatforms(provider.GetKeyedServices<IChatPlatform>(KeyedService.AnyKey)));

    private static void AddCommands(IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, SearchCommand>();
        services.AddSingleton<ICommandHandler, TrendingCommand>();
        services.AddSingleton<ICommandHandler, ShowCommand>();
        services.AddSingleton<ICommandHandler, SimilarCommand>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<LikeAlertAdder>();
        services.AddSingleton<ICommandHandler, AlertsAddCommand>();
        services.AddSingleton<ICommandHandler, AlertsListCommand>();
        services.AddSingleton<ICommandHandler, AlertsRemoveCommand>();
        services.AddSingleton<ICommandHandler>(sp => new AlertsPauseCommand(sp.GetRequiredService<IAlertStore>(), resume: false));
        services.AddSingleton<ICommandHandler>(sp => new AlertsPauseCommand(sp.GetRequiredService<IAlertStore>(), resume: true));
        services.AddSingleton<ICommandHandler, AlertsDigestCommand>();
        services.AddSingleton<ICommandHandler, DailySetCommand>();
        services.AddSingleton<ICommandHandler, DailyOffCommand>();
        services.AddSingleton<ICommandHandler, DailyShowCommand>();
        services.AddSingleton<ICommandHandler, DailyPreviewCommand>();
        services.AddSingleton<CommandRouter>();
        services.AddCommandInvoker();
    }
}
