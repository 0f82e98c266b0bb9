using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>Settings that only make sense together; each failure is one line naming the setting.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.GatewayEnabled && string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            failures.Add($"{DiscordOptions.SectionName}:ApplicationId must be set when {DiscordOptions.SectionName}:Token is set (the application id from the General Information tab).");
        }

        if (!IsSnowflakeOrEmpty(options.ApplicationId))
        {
            failures.Add($"{DiscordOptions.SectionName}:ApplicationId must be a numeric Discord id.");
        }

        if (!IsSnowflakeOrEmpty(options.GuildId))
        {
            failures.Add($"{DiscordOptions.SectionName}:GuildId must be a numeric Discord guild id, or empty to register commands globally.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSnowflakeOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().All(char.IsAsciiDigit);
}
