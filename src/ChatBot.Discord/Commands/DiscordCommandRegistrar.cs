using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Storage;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Commands;

/// <summary>
/// Registers the command catalog with Discord when the host starts, in the background, only when
/// it changed: the SHA-256 of the commands' JSON and their target (global or one guild) is kept in
/// the state store, and a bulk overwrite is sent only when it differs. Registered only when
/// <c>Discord:Token</c> and <c>Discord:ApplicationId</c> are set. A failure is logged with
/// Discord's error and the host runs on (the next start tries again).
/// </summary>
internal sealed class DiscordCommandRegistrar(
    IDiscordRestClient rest,
    IStateStore state,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    public const string HashKey = "discord:commands-hash";

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

    /// <summary>Registers <see cref="CommandCatalog.All"/> unless the same set was registered to the same target; true when it sent them.</summary>
    internal async Task<bool> RegisterAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var guildId = string.IsNullOrWhiteSpace(settings.GuildId) ? null : settings.GuildId.Trim();
        var target = guildId is null ? "global" : $"guild {guildId}";
        try
        {
            var commands = DiscordCommandDefinitions.Build(CommandCatalog.All);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                $"{commands.ToJsonString()}\napplication:{settings.ApplicationId}\ntarget:{target}")));
            if (string.Equals(await state.GetAsync(HashKey, cancellationToken).ConfigureAwait(false), hash, StringComparison.Ordinal))
            {
                Log.CommandsUpToDate(logger, target);
                return false;
            }

            await rest.BulkOverwriteCommandsAsync(guildId, commands, cancellationToken).ConfigureAwait(false);
            await state.SetAsync(HashKey, hash, cancellationToken).ConfigureAwait(false);
            Log.CommandsRegistered(logger, commands.Count, target);
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
