using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// A set <see cref="DiscordOptions.PublicKey"/> must be a valid hex Ed25519 key and come with the
/// application id (deferred answers are edited through <c>/webhooks/{application_id}/…</c>), or the bot does not start.
/// </summary>
internal sealed class DiscordPublicKeyValidation : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.InteractionsEndpointEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!DiscordSignatureVerifier.TryCreate(options.PublicKey, out _))
        {
            failures.Add($"{DiscordOptions.SectionName}:{nameof(DiscordOptions.PublicKey)} must be the application's public key: 64 hex characters (General Information tab).");
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            failures.Add($"{DiscordOptions.SectionName}:{nameof(DiscordOptions.ApplicationId)} must be set when {DiscordOptions.SectionName}:{nameof(DiscordOptions.PublicKey)} is set (the application id from the General Information tab).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
