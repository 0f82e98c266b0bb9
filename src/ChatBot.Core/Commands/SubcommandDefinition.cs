namespace ChatBot.Core.Commands;

/// <summary>One subcommand (<c>search</c> of <c>/papers</c>) with its options, help and examples.</summary>
public sealed record SubcommandDefinition(string Name, string Description, IReadOnlyList<OptionDefinition> Options)
{
    /// <summary>Example invocations in the text grammar, without the command name (<c>search diffusion since:7d</c>).</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Longer help: what the subcommand does beyond its one-line description.</summary>
    public string? Help { get; init; }

    /// <summary>The group of a two-word name (<c>daily</c> of <c>daily set</c>); null for a plain subcommand.</summary>
    public string? Group => Name.Contains(' ', StringComparison.Ordinal) ? Name[..Name.IndexOf(' ', StringComparison.Ordinal)] : null;

    /// <summary>The last word of the name (<c>set</c> of <c>daily set</c>).</summary>
    public string LeafName => Name[(Name.LastIndexOf(' ') + 1)..];

    /// <summary>
    /// How many options are positional in the text grammar: the leading required ones (each takes one
    /// word, the last takes the rest of the text), or the first option when none is required.
    /// </summary>
    public int PositionalCount => Options.Count == 0 ? 0 : Math.Max(1, Options.TakeWhile(o => o.Required).Count());

    public OptionDefinition? FindOption(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The usage line: <c>search &lt;query&gt; [--limit n]</c>.</summary>
    public string Usage()
    {
        var parts = new List<string> { Name };
        for (var i = 0; i < Options.Count; i++)
        {
            var option = Options[i];
            var value = i < PositionalCount ? $"<{option.Placeholder}>" : $"--{option.Name} <{option.Placeholder}>";
            parts.Add(option.Required ? value : $"[{value}]");
        }

        return string.Join(' ', parts);
    }
}
