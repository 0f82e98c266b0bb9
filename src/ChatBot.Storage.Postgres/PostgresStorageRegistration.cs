using ChatBot.Core.Chat;
using ChatBot.Core.Cluster;
using ChatBot.Core.Doctor;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Alerts;
using ChatBot.Storage.Postgres.Cluster;
using ChatBot.Storage.Postgres.DailyThreads;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Discord;
using ChatBot.Storage.Postgres.Papers;
using ChatBot.Storage.Postgres.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Postgres;

public static class PostgresStorageRegistration
{
    /// <summary>
    /// The PostgreSQL stores, when <c>Storage:Provider</c> is <c>postgres</c> (AddChatBotStorage then registers
    /// only the local search index): every storage port on the database at <c>Storage:ConnectionString</c>, its
    /// schema migrated on first use, and the doctor's connectivity check. The connection string is validated at
    /// start whatever the provider's value, so a wrong one is one line naming the setting.
    /// </summary>
    public static IHostApplicationBuilder AddChatBotPostgresStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, PostgresStorageOptionsValidator>());
        if (!StorageOptions.PostgresConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddSingleton<PostgresDatabase>();
        builder.Services.AddSingleton<IStateStore, PostgresStateStore>();
        builder.Services.AddSingleton<IScheduleStore, PostgresScheduleStore>();
        builder.Services.AddSingleton<IPostLog, PostgresPostLog>();
        builder.Services.AddSingleton<IAlertStore, PostgresAlertStore>();
        builder.Services.AddSingleton<IPaperStore, PostgresPaperStore>();
        builder.Services.AddSingleton<IDeliveryLog, PostgresDeliveryLog>();
        // Several processes: the scheduled work's lease, deliveries claimed once, and index wake-ups (docs/several-processes.md).
        builder.Services.AddSingleton<ILeaseStore, PostgresLeaseStore>();
        builder.Services.AddSingleton<IEventClaims, PostgresEventClaims>();
        builder.Services.AddSingleton<IPaperChangeFeed, PostgresPaperChanges>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, PostgresCheck>());

        // Replaces the gateway's in-process pacing: the processes sharing the database share the bot's token.
        builder.Services.Replace(ServiceDescriptor.Singleton<IIdentifyGate, PostgresIdentifyGate>());
        return builder;
    }
}
