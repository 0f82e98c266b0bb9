namespace ChatBot.Core.Commands;

/// <summary>
/// One option of a subcommand. The first option of a subcommand is its positional one in the text
/// grammar (<c>/papers search diffusion models</c>); the others are written <c>--name value</c>.
/// </summary>
public sealed record OptionDefinition(string Name, string Description, OptionType Type, bool Required = false)
{
    /// <summary>Lowest accepted value of an <see cref="OptionType.WholeNumber"/> option.</summary>
    public int? Min { get; init; }

    /// <summary>Highest accepted value of an <see cref="OptionType.WholeNumber"/> option.</summary>
    public int? Max { get; init; }

    /// <summary>Used when the option is not given; null when it has no default.</summary>
    public int? Default { get; init; }

    /// <summary>Longest accepted <see cref="OptionType.Text"/> value.</summary>
    public int? MaxLength { get; init; }

    /// <summary>How help shows the value (<c>query</c>, <c>id</c>, <c>days</c>).</summary>
    public string Placeholder => Name;
}
