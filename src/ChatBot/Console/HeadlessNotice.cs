using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Console;

/// <summary>Says at start that the bot has no chat (no platform configured, console off) and only ingests.</summary>
internal sealed class HeadlessNotice(IOptions<StorageOptions> storage, ILogger<HeadlessNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Made before the host started (ChatBotHost.Prepare); this only names it.
        var dataDirectory = storage.Value.ResolveDataDirectory();
        Log.NoPlatformConfigured(logger, dataDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
