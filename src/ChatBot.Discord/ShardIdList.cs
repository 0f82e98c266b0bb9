using System.Globalization;

namespace ChatBot.Discord;

/// <summary>Reads <c>Discord:ShardIds</c>: ids and inclusive ranges separated by commas (<c>0,1</c>, <c>0-3</c>, <c>0-3,8</c>).</summary>
internal static class ShardIdList
{
    /// <summary>The most shards one process may run (Discord's shard count is far below it for any bot).</summary>
    public const int MaxShardsPerProcess = 1024;

    /// <summary>The ids in the order given; false with the problem (no id, not a number, a backwards range, an id twice).</summary>
    public static bool TryParse(string text, out IReadOnlyList<int> ids, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<int>();
        var seen = new HashSet<int>();
        ids = list;
        problem = "";
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = raw.IndexOf('-', StringComparison.Ordinal);
            var (first, last) = dash < 0 ? (raw, raw) : (raw[..dash].Trim(), raw[(dash + 1)..].Trim());
            if (!TryId(first, out var from) || !TryId(last, out var to))
            {
                problem = $"has '{raw}', which is not a shard id (0 or more) or a range of them";
                return false;
            }

            if (to < from)
            {
                problem = $"has the range '{raw}', which runs backwards";
                return false;
            }

            if (to - from >= MaxShardsPerProcess || list.Count + (to - from + 1) > MaxShardsPerProcess)
            {
                problem = $"names more than {MaxShardsPerProcess} shards";
                return false;
            }

            for (var id = from; id <= to; id++)
            {
                if (!seen.Add(id))
                {
                    problem = $"names shard {id} twice";
                    return false;
                }

                list.Add(id);
            }
        }

        return true;
    }

    private static bool TryId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id >= 0;
}
