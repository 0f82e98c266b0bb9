using ChatBot.Core.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatBot.Admin;

/// <summary>
/// Writes the <see cref="InstanceFile"/> once the bot serves HTTP (the real port is known only then) and
/// deletes it when the bot stops cleanly. A crash leaves it behind; the CLI trusts it only while the
/// database is locked, which a dead process no longer holds.
/// </summary>
internal sealed class InstanceAnnouncer(
    IServer server,
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

    /// <summary>
    /// The address the CLI on this machine should call: an http one before https (no certificate to trust),
    /// and a wildcard host (0.0.0.0, [::], +, *) as the loopback address.
    /// </summary>
    public static Uri? LocalUrl(IEnumerable<string> addresses)
    {
        var urls = new List<Uri>();
        foreach (var address in addresses)
        {
            var text = address.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal);
            if (Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                var host = url.Host switch
                {
                    "0.0.0.0" => "127.0.0.1",
                    "[::]" => "[::1]",
                    _ => url.Host,
                };
                urls.Add(new UriBuilder(url) { Host = host }.Uri);
            }
        }

        return urls.OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1).FirstOrDefault();
    }

    private void Announce()
    {
        var path = InstanceFile.PathIn(storage.Value.ResolveDataDirectory());
        if (LocalUrl(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } url)
        {
            Log.NoAdminAddress(logger);
            return;
        }

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
