namespace ChatBot.Core.Commands;

/// <summary>The value type of a command option.</summary>
public enum OptionType
{
    /// <summary>Free text (a query, a paper id).</summary>
    Text,

    /// <summary>A whole number within the option's bounds.</summary>
    WholeNumber,
}
