using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Storage;

public static class StorageRegistration
{
    /// <summary>The embedded stores: LiteDB under <c>Storage:DataDirectory</c> (bound by AddChatBotCore).</summary>
    public static IHostApplicationBuilder AddChatBotStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChatBotDatabase>();
        builder.Services.AddSingleton<IPaperStore, LiteDbPaperStore>();
        return builder;
    }
}
