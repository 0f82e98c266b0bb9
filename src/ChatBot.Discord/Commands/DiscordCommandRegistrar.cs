using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Commands;

/// <summary>
/// Registers the command catalog with Discord when the host starts, in the background: it asks
/// Discord which commands it has (<c>GET /applications/{id}/commands</c>, or the guild's) and sends
/// the bulk overwrite only when they differ from the catalog in a way users would notice
/// (<see cref="ApplicationCommandComparison"/>). Discord is the truth: commands deleted in the
/// developer portal, overwritten by another environment of the same application, or missing in a
/// fresh guild are registered again, whatever an earlier start did. At most one GET and one PUT per
/// start. Registered only when <c>Discord:Token</c> and <c>Discord:ApplicationId</c> are set. A
/// failure is logged with Discord's error and the host runs on (the next start tries again).
/// </summary>
internal sealed class DiscordCommandRegistrar(
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before Discord answered: the next start registers.
        }
    }

    /// <summary>Registers <see cref="CommandCatalog.All"/> unless Discord already has the same commands; true when it sent them.</summary>
    internal async Task<bool> RegisterAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var guildId = string.IsNullOrWhiteSpace(settings.GuildId) ? null : settings.GuildId.Trim();
        var target = guildId is null ? "global" : $"guild {guildId}";
        try
        {
            var commands = DiscordCommandDefinitions.Build(CommandCatalog.All);
            var current = await rest.GetCommandsAsync(guildId, cancellationToken).ConfigureAwait(false);
            if (ApplicationCommandComparison.Same(commands, current, global: guildId is null))
            {
                Log.CommandsUpToDate(logger, target);
                return false;
            }

            await rest.BulkOverwriteCommandsAsync(guildId, commands, cancellationToken).ConfigureAwait(false);
            Log.CommandsRegistered(logger, commands.Count, target, current.Count);
            return true;
        }
        catch (ChatPlatformException exception)
        {
            Log.CommandRegistrationRefused(logger, target, exception.Code, exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CommandRegistrationFailed(logger, target, exception);
            return false;
        }
    }
}
