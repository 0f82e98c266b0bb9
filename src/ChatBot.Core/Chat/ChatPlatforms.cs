namespace ChatBot.Core.Chat;

/// <summary>
/// The chat platforms this host registered, by <see cref="IChatPlatform.Name"/>: the workers post through them, and a
/// daily-thread schedule may name only them. Each platform registers itself as a keyed <see cref="IChatPlatform"/>
/// under its name and Core's registration hands all of them in here; Core knows none of them.
/// </summary>
public sealed class ChatPlatforms
{
    private readonly Dictionary<string, IChatPlatform> _byName = new(StringComparer.Ordinal);

    public ChatPlatforms(IEnumerable<IChatPlatform> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        var names = new List<string>();
        foreach (var platform in platforms)
        {
            // Names are compared without case when a person types one, so two may not differ only in case.
            if (names.Any(name => string.Equals(name, platform.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"Two chat platforms are registered under the name '{platform.Name}'.");
            }

            names.Add(platform.Name);
            _byName[platform.Name] = platform;
        }

        Names = names;
    }

    /// <summary>The registered names, in the order the platforms were registered.</summary>
    public IReadOnlyList<string> Names { get; }

    public IChatPlatform? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The registered name a person typed (in configuration or a command), in its registered spelling; throws
    /// <see cref="ChatBotException"/> listing the registered names when it is none of them.
    /// </summary>
    public string ParseName(string? text) =>
        Names.FirstOrDefault(name => string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ChatBotException(Names.Count == 0
                ? $"'{text}' is not a platform; no chat platform is registered."
                : $"'{text}' is not a platform; use {Listed(Names)}.");

    private static string Listed(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
}
