using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>A set <see cref="DiscordOptions.PublicKey"/> must be a valid hex Ed25519 key, or the bot does not start.</summary>
internal sealed class DiscordPublicKeyValidation : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.InteractionsEndpointEnabled || DiscordSignatureVerifier.TryCreate(options.PublicKey, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DiscordOptions.SectionName}:{nameof(DiscordOptions.PublicKey)} must be the application's public key: 64 hex characters (General Information tab).");
    }
}
