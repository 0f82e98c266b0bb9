namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// The names <c>--faults</c> takes (<c>drops,reconnects,429,5xx,malformed</c>, <c>all</c> or <c>none</c>) and the
/// fault kinds each turns on.
/// </summary>
internal static class FaultGroups
{
    public const string All = "all";
    public const string None = "none";

    public static readonly IReadOnlyDictionary<string, FaultKind[]> Groups = new Dictionary<string, FaultKind[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["drops"] = [FaultKind.GatewayDrop, FaultKind.GatewayClose, FaultKind.GatewayZombie, FaultKind.SocketDrop],
        ["reconnects"] = [FaultKind.GatewayReconnect, FaultKind.GatewayInvalidSessionResumable, FaultKind.GatewayInvalidSession, FaultKind.SocketRefresh, FaultKind.SocketWarning],
        ["429"] = [FaultKind.Http429],
        ["5xx"] = [FaultKind.Http5xx],
        ["malformed"] = [FaultKind.GatewayMalformed, FaultKind.SocketMalformed],
    };

    /// <summary>The kinds a comma-separated list names; an unknown name is an error that lists the known ones.</summary>
    public static IReadOnlySet<FaultKind> Parse(string text, out string? error)
    {
        error = null;
        var kinds = new HashSet<FaultKind>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(name, All, StringComparison.OrdinalIgnoreCase))
            {
                kinds.UnionWith(Enum.GetValues<FaultKind>());
            }
            else if (string.Equals(name, None, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (Groups.TryGetValue(name, out var group))
            {
                kinds.UnionWith(group);
            }
            else
            {
                error = $"--faults: unknown fault '{name}'; use {string.Join(", ", Groups.Keys)}, {All} or {None}.";
            }
        }

        return kinds;
    }

    /// <summary>The group names that are wholly on, for the report (e.g. <c>drops,429</c>).</summary>
    public static string Describe(IReadOnlySet<FaultKind> kinds)
    {
        var on = Groups.Where(g => g.Value.All(kinds.Contains)).Select(g => g.Key).ToList();
        return on.Count == 0 ? None : string.Join(',', on);
    }
}
