using ChatBot.Core.Alerts;
using ChatBot.Core.Doctor;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Storage.DailyThreads;
using ChatBot.Storage.Papers;
using ChatBot.Storage.State;
using ChatBot.Storage.Search;
using ChatBot.Storage.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The embedded stores: LiteDB under <c>Storage:DataDirectory</c> (bound by AddChatBotCore; unless
    /// <c>Storage:Provider</c> is postgres) and the Lucene search index in <c>Search:IndexDirectory</c> (inside the
    /// data directory unless absolute), and the paper vectors in a subfolder of it. The index and the vectors stay local
    /// to the process with either provider. The LiteDB file's own services (backup, restore, inspection) stay registered
    /// either way; they open the file only when used.
    /// </summary>
    public static IHostApplicationBuilder AddChatBotStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SearchIndexOptions>()
            .BindConfiguration(SearchIndexOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ChatBotDatabase>();
        builder.Services.AddSingleton<DatabaseBackup>();
        builder.Services.AddSingleton<DatabaseRestore>();
        builder.Services.AddSingleton<ISearchIndex, LuceneSearchIndex>();
        builder.Services.AddSingleton<IAlertMatcher, LuceneAlertMatcher>();
        builder.Services.AddSingleton<IPaperVectorStore, FilePaperVectorStore>();
        builder.Services.AddSingleton<DatabaseInspector>();

        // With Storage:Provider=postgres the stores are AddChatBotPostgresStorage's; the search index stays here,
        // local to the process, following the stores by revision either way.
        if (!StorageOptions.PostgresConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<IPaperStore, LiteDbPaperStore>();
            builder.Services.AddSingleton<IStateStore, LiteDbStateStore>();
            builder.Services.AddSingleton<IPostLog, LiteDbPostLog>();
            builder.Services.AddSingleton<IAlertStore, LiteDbAlertStore>();
            builder.Services.AddSingleton<IDeliveryLog, LiteDbDeliveryLog>();
            builder.Services.AddSingleton<IScheduleStore, LiteDbScheduleStore>();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, DatabaseCheck>());
        }

        // The doctor's checks read the file and the index without opening the stores (which would create or repair files).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, SearchIndexCheck>());
        return builder;
    }
}
