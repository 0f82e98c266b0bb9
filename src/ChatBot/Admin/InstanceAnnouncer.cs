using ChatBot.Core.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatBot.Admin;

/// <summary>
/// Writes the <see cref="InstanceFile"/> with the <see cref="AdminListener"/>'s address once the bot serves HTTP
/// (and Kestrel reports that it listens there), and
/// deletes it when the bot stops cleanly. A crash leaves it behind; the CLI trusts it only while the
/// database is locked, which a dead process no longer holds.
/// </summary>
internal sealed class InstanceAnnouncer(
    IServer server,
    AdminListener listener,
    AdminAccess access,
    IOptions<StorageOptions> storage,
    IHostApplicationLifetime lifetime,
    ILogger<InstanceAnnouncer> logger) : IHostedService
{
    private string? _written;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_written is { } path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.InstanceFileNotDeleted(logger, path, e);
            }
        }

        return Task.CompletedTask;
    }

    private void Announce()
    {
        var path = InstanceFile.PathIn(storage.Value.ResolveDataDirectory());
        if (!listener.IsAmong(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []))
        {
            Log.NoAdminAddress(logger);
            return;
        }

        var url = listener.Url;

        try
        {
            new InstanceFile(url, access.Token, Environment.ProcessId).Write(path);
            _written = path;
            Log.InstanceAnnounced(logger, url, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.InstanceFileNotWritten(logger, path, e);
        }
    }
}
