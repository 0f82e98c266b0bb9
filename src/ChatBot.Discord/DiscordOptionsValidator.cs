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

        if (options.ApiBaseUrl is { } api && !IsSecureOrLoopback(api))
        {
            // The bot token goes in every call's Authorization header.
            failures.Add($"{DiscordOptions.SectionName}:ApiBaseUrl must be an https URL such as https://discord.com/api/v10 (http only on loopback, for a local fake); '{api.Scheme}://{api.Authority}' is not.");
        }

        if (!IsSnowflakeOrEmpty(options.GuildId))
        {
            failures.Add($"{DiscordOptions.SectionName}:GuildId must be a numeric Discord guild id, or empty to register commands globally.");
        }

        if (ShardProblem(options) is { } shards)
        {
            failures.Add(shards);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ShardProblem(DiscordOptions options)
    {
        const string Ids = DiscordOptions.SectionName + ":ShardIds";
        if (string.IsNullOrWhiteSpace(options.ShardIds))
        {
            return options.ShardId < options.ShardCount
                ? null
                : $"{DiscordOptions.SectionName}:ShardId ({options.ShardId}) must be less than {DiscordOptions.SectionName}:ShardCount ({options.ShardCount}); shard ids count from 0.";
        }

        if (options.ShardId != 0)
        {
            return $"{Ids} and {DiscordOptions.SectionName}:ShardId are both set: set {Ids} only ({DiscordOptions.SectionName}:ShardId is the one-shard shorthand).";
        }

        if (!ShardIdList.TryParse(options.ShardIds, out var ids, out var problem))
        {
            return $"{Ids} {problem}; write ids and ranges separated by commas, e.g. 0,1 or 0-3.";
        }

        return ids.FirstOrDefault(id => id >= options.ShardCount) is var tooLarge && tooLarge >= options.ShardCount
            ? $"{Ids} names shard {tooLarge}, but {DiscordOptions.SectionName}:ShardCount is {options.ShardCount}: every id must be less than the count (ids count from 0)."
            : null;
    }

    private static bool IsSecureOrLoopback(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    private static bool IsSnowflakeOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().All(char.IsAsciiDigit);
}
