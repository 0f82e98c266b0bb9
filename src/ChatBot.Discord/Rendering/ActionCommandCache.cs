using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// Commands too long for a button's 100-character <c>custom_id</c>, kept in memory under a short
/// key (<c>cmd:</c> + 16 characters of the command's SHA-256). Bounded: beyond
/// <see cref="Capacity"/> entries the oldest is evicted, and everything is lost at restart — a click
/// on such a button then no longer resolves, and the user is asked to run the command again.
/// </summary>
internal sealed class ActionCommandCache(int capacity)
{
    public const string KeyPrefix = "cmd:";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _commands = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Stores <paramref name="command"/> and returns its key; the same command always gets the same key.</summary>
    public string Add(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = KeyPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(command)))[..16]
            .Replace('+', '-').Replace('/', '_');
        lock (_gate)
        {
            if (_commands.TryAdd(key, command))
            {
                _order.Enqueue(key);
                while (_order.Count > Capacity)
                {
                    _commands.Remove(_order.Dequeue());
                }
            }
        }

        return key;
    }

    public bool TryGet(string key, out string command)
    {
        lock (_gate)
        {
            if (_commands.TryGetValue(key, out var found))
            {
                command = found;
                return true;
            }
        }

        command = "";
        return false;
    }
}
