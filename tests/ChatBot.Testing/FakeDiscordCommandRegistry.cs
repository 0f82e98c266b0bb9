using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBot.Testing;

/// <summary>
/// Discord's application command registry on a <see cref="LoopbackHttpServer"/>: <c>GET</c> and
/// bulk-overwrite <c>PUT</c> of <c>/applications/{id}/commands</c> (and of one guild's, after
/// <see cref="MapGuild"/>). It starts empty, like a new application or a fresh guild, unless a test
/// <see cref="Seed"/>s it. It answers as Discord does: each stored command gains an id, the
/// application id, a version and the fields Discord fills in with their defaults (dm_permission,
/// default_permission, nsfw, contexts, integration_types), and <c>required: false</c> is left out
/// of options. A PUT that breaks a documented rule gets 400 with code 50035 and is recorded as a
/// protocol violation.
/// </summary>
/// <remarks>https://discord.com/developers/docs/interactions/application-commands#application-command-object,
/// #get-global-application-commands, #bulk-overwrite-global-application-commands.</remarks>
public sealed partial class FakeDiscordCommandRegistry
{
    private const string Global = "";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _commands = new(StringComparer.Ordinal);
    private readonly List<DiscordCommandPut> _puts = [];
    private readonly List<string> _violations = [];
    private readonly LoopbackHttpServer _server;
    private readonly string _applicationId;
    private long _nextId = 900_000_000_000_000_000;
    private int _gets;

    internal FakeDiscordCommandRegistry(LoopbackHttpServer server, string applicationId)
    {
        _server = server;
        _applicationId = applicationId;
        Map(null);
    }

    /// <summary>Every bulk overwrite received, in order.</summary>
    public IReadOnlyList<DiscordCommandPut> Puts
    {
        get
        {
            lock (_gate)
            {
                return [.. _puts];
            }
        }
    }

    /// <summary>How many times the commands were read.</summary>
    public int Gets => Volatile.Read(ref _gets);

    internal IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Serves the commands of guild <paramref name="guildId"/> as well (empty until a PUT or <see cref="Seed"/>).</summary>
    public void MapGuild(string guildId) => Map(guildId);

    /// <summary>Stores <paramref name="commands"/> as if registered earlier (another environment, an older version).</summary>
    public void Seed(string? guildId, JsonArray commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        lock (_gate)
        {
            var parsed = JsonNode.Parse(commands.ToJsonString())!.AsArray();
            _commands[guildId ?? Global] = [.. parsed.OfType<JsonObject>().Select(c => Stored(c, guildId, null))];
        }
    }

    /// <summary>Deletes every command, as the developer portal or another tool might.</summary>
    public void Clear(string? guildId = null)
    {
        lock (_gate)
        {
            _commands.Remove(guildId ?? Global);
        }
    }

    /// <summary>The commands Discord has now, as GET returns them.</summary>
    public JsonArray Registered(string? guildId = null)
    {
        lock (_gate)
        {
            return [.. (_commands.GetValueOrDefault(guildId ?? Global) ?? []).Select(c => c.DeepClone())];
        }
    }

    private void Map(string? guildId)
    {
        var path = guildId is null
            ? $"{DiscordRestRules.ApiPrefix}applications/{_applicationId}/commands"
            : $"{DiscordRestRules.ApiPrefix}applications/{_applicationId}/guilds/{guildId}/commands";
        _server.Map("GET", path, (_, _) =>
        {
            Interlocked.Increment(ref _gets);
            return Task.FromResult(ScriptedResponse.Json(Registered(guildId).ToJsonString()));
        });
        _server.Map("PUT", path, (request, _) => Task.FromResult(Put(guildId, request)));
    }

    private ScriptedResponse Put(string? guildId, RecordedRequest request)
    {
        JsonArray commands;
        try
        {
            commands = JsonNode.Parse(request.Body) as JsonArray ?? throw new JsonException("not an array");
        }
        catch (JsonException)
        {
            return Refuse("PUT commands: the body is not a JSON array of commands");
        }

        var problems = Validate(commands).ToList();
        lock (_gate)
        {
            _puts.Add(new DiscordCommandPut(guildId, commands));
            if (problems.Count > 0)
            {
                _violations.AddRange(problems.Select(p => "PUT commands: " + p));
            }
            else
            {
                var before = _commands.GetValueOrDefault(guildId ?? Global) ?? [];
                _commands[guildId ?? Global] = [.. commands.OfType<JsonObject>().Select(c => Stored(c, guildId, before))];
            }
        }

        return problems.Count > 0
            ? ScriptedResponse.Json(InvalidFormBody(problems[0]), 400)
            : ScriptedResponse.Json(Registered(guildId).ToJsonString());
    }

    /// <summary>Discord's 50035 with the problem in its errors tree: https://discord.com/developers/docs/reference#error-messages.</summary>
    private static string InvalidFormBody(string problem) => new JsonObject
    {
        ["code"] = 50035,
        ["message"] = "Invalid Form Body",
        ["errors"] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = "BASE_TYPE_INVALID", ["message"] = problem }) },
    }.ToJsonString();

    private ScriptedResponse Refuse(string problem)
    {
        lock (_gate)
        {
            _violations.Add(problem);
        }

        return ScriptedResponse.Json("""{"code":50109,"message":"The request body contains invalid JSON."}""", 400);
    }

    private JsonObject Stored(JsonObject command, string? guildId, List<JsonObject>? before)
    {
        var type = command["type"] is JsonValue t && t.TryGetValue<int>(out var kind) ? kind : 1;
        var name = command["name"]?.GetValue<string>() ?? "";
        var existing = before?.FirstOrDefault(c => c["name"]?.GetValue<string>() == name && c["type"]!.GetValue<int>() == type);
        var stored = new JsonObject
        {
            ["id"] = existing?["id"]?.GetValue<string>() ?? Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["application_id"] = _applicationId,
            ["version"] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["default_member_permissions"] = command["default_member_permissions"]?.DeepClone(),
            ["type"] = type,
            ["name"] = name,
            ["description"] = command["description"]?.DeepClone() ?? "",
            ["dm_permission"] = command["dm_permission"]?.DeepClone() ?? true,
            ["default_permission"] = true,
            ["nsfw"] = command["nsfw"]?.DeepClone() ?? false,
            ["integration_types"] = command["integration_types"]?.DeepClone() ?? new JsonArray(0),
            ["contexts"] = guildId is not null ? null : command["contexts"]?.DeepClone() ?? new JsonArray(0, 1, 2),
        };
        if (guildId is not null)
        {
            stored["guild_id"] = guildId;
        }

        if (command["options"] is JsonArray { Count: > 0 } options)
        {
            stored["options"] = StoredOptions(options);
        }

        return stored;
    }

    private static JsonArray StoredOptions(JsonArray options) =>
        [.. options.OfType<JsonObject>().Select(option =>
        {
            var copy = new JsonObject();
            foreach (var (key, value) in option)
            {
                if (key == "required" && value is JsonValue v && v.TryGetValue<bool>(out var required) && !required)
                {
                    continue; // Discord leaves the default out.
                }

                copy[key] = key == "options" && value is JsonArray nested ? StoredOptions(nested) : value?.DeepClone();
            }

            return copy;
        })];

    private static IEnumerable<string> Validate(JsonArray commands)
    {
        if (commands.Count > 100)
        {
            yield return $"{commands.Count} commands (at most 100 chat input commands)";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in commands)
        {
            if (node is not JsonObject command)
            {
                yield return "a command that is not an object";
                continue;
            }

            var name = Text(command["name"]) ?? "";
            if (!NamePattern().IsMatch(name) || name.Any(char.IsUpper))
            {
                yield return $"command name '{name}' is not 1-32 lowercase letters, digits, - or _";
            }

            if (!seen.Add(name))
            {
                yield return $"command name '{name}' appears twice";
            }

            if (Text(command["description"]) is not { Length: >= 1 and <= 100 })
            {
                yield return $"command '{name}' has a description that is not 1-100 characters";
            }

            if (command["default_member_permissions"] is { } permissions && !(Text(permissions) is { Length: > 0 } bits && bits.All(char.IsAsciiDigit)))
            {
                yield return $"command '{name}' has default_member_permissions that is not a string of digits";
            }

            foreach (var problem in Values(command["contexts"], 0, 2, $"command '{name}' contexts"))
            {
                yield return problem;
            }

            foreach (var problem in Values(command["integration_types"], 0, 1, $"command '{name}' integration_types"))
            {
                yield return problem;
            }

            foreach (var problem in ValidateOptions(command["options"] as JsonArray, name, depth: 0))
            {
                yield return problem;
            }

            if (Characters(command) > 8000)
            {
                yield return $"command '{name}' has more than 8000 characters of names, descriptions and choices";
            }
        }
    }

    private static IEnumerable<string> ValidateOptions(JsonArray? options, string owner, int depth)
    {
        if (options is null)
        {
            yield break;
        }

        if (options.Count > 25)
        {
            yield return $"'{owner}' has {options.Count} options (at most 25)";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var optionalSeen = false;
        foreach (var option in options.OfType<JsonObject>())
        {
            var name = Text(option["name"]) ?? "";
            var type = option["type"] is JsonValue t && t.TryGetValue<int>(out var kind) ? kind : 0;
            if (type is < 1 or > 11)
            {
                yield return $"option '{owner} {name}' has no valid type";
            }

            if (!NamePattern().IsMatch(name) || name.Any(char.IsUpper) || !names.Add(name))
            {
                yield return $"option '{owner} {name}' has a bad or repeated name";
            }

            if (Text(option["description"]) is not { Length: >= 1 and <= 100 })
            {
                yield return $"option '{owner} {name}' has a description that is not 1-100 characters";
            }

            if (type is 1 or 2)
            {
                if (type == 2 && depth > 0 || type == 1 && depth > 1)
                {
                    yield return $"option '{owner} {name}' nests subcommands deeper than Discord allows";
                }

                foreach (var problem in ValidateOptions(option["options"] as JsonArray, owner + " " + name, depth + 1))
                {
                    yield return problem;
                }

                continue;
            }

            var required = option["required"] is JsonValue r && r.TryGetValue<bool>(out var isRequired) && isRequired;
            if (required && optionalSeen)
            {
                yield return $"option '{owner} {name}' is required but comes after an optional one";
            }

            optionalSeen |= !required;
            if (option["choices"] is JsonArray { Count: > 25 })
            {
                yield return $"option '{owner} {name}' has more than 25 choices";
            }

            foreach (var bound in new[] { "min_length", "max_length" })
            {
                if (option[bound] is JsonValue length && (!length.TryGetValue<int>(out var value) || value is < 0 or > 6000))
                {
                    yield return $"option '{owner} {name}' has {bound} outside 0-6000";
                }
            }
        }
    }

    private static IEnumerable<string> Values(JsonNode? node, int min, int max, string what)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not JsonArray array || array.Any(v => v is not JsonValue value || !value.TryGetValue<int>(out var n) || n < min || n > max))
        {
            yield return $"{what} must be a list of {min}-{max}";
        }
    }

    private static int Characters(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => p.Key is "name" or "description" ? Text(p.Value)?.Length ?? 0 : p.Key is "options" or "choices" ? Characters(p.Value) : 0),
        JsonArray a => a.Sum(Characters),
        _ => 0,
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // Discord's ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$ without the scripts .NET cannot name.
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
