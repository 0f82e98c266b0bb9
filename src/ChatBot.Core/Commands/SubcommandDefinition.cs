namespace ChatBot.Core.Commands;

/// <summary>One subcommand (<c>search</c> of <c>/papers</c>) with its options, help and examples.</summary>
public sealed record SubcommandDefinition(string Name, string Description, IReadOnlyList<OptionDefinition> Options)
{
    /// <summary>Example invocations in the text grammar, without the command name (<c>search diffusion since:7d</c>).</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Longer help: what the subcommand does beyond its one-line description.</summary>
    public string? Help { get; init; }

    public OptionDefinition? FindOption(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The usage line: <c>search &lt;query&gt; [--limit n]</c>.</summary>
    public string Usage()
    {
        var parts = new List<string> { Name };
        for (var i = 0; i < Options.Count; i++)
        {
            var option = Options[i];
            var value = i == 0 ? $"<{option.Placeholder}>" : $"--{option.Name} <{option.Placeholder}>";
            parts.Add(option.Required ? value : $"[{value}]");
        }

        return string.Join(' ', parts);
    }
}
