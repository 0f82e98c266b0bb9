namespace ChatBot.Discord.Rendering;

/// <summary>
/// Button <c>custom_id</c>s for <see cref="ChatBot.Core.Commands.ReplyAction"/>s: the command text
/// itself when it fits in 100 characters, else a key into a bounded in-memory
/// <see cref="ActionCommandCache"/> (4096 commands; oldest evicted first; empty after a restart).
/// One per host (a singleton), shared by the renderer that issues ids and the parser that turns a
/// click back into the command with <see cref="TryResolve"/>.
/// </summary>
internal sealed class DiscordActionIds
{
    public const int MaxCustomIdLength = 100;

    public const int CacheCapacity = 4096;

    private readonly ActionCommandCache _cache = new(CacheCapacity);

    /// <summary>The <c>custom_id</c> for a button that runs <paramref name="command"/>.</summary>
    public string For(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Length <= MaxCustomIdLength && !command.StartsWith(ActionCommandCache.KeyPrefix, StringComparison.Ordinal)
            ? command
            : _cache.Add(command);
    }

    /// <summary>
    /// The command a button runs; false when its cached command was evicted or the bot restarted
    /// since the button was rendered (answer "this button has expired, run the command again").
    /// </summary>
    public bool TryResolve(string customId, out string command)
    {
        if (string.IsNullOrEmpty(customId))
        {
            command = "";
            return false;
        }

        if (customId.StartsWith(ActionCommandCache.KeyPrefix, StringComparison.Ordinal))
        {
            return _cache.TryGet(customId, out command);
        }

        command = customId;
        return true;
    }
}
