namespace ChatBot.Core.Doctor;

/// <summary>How one doctor check came out. Only <see cref="Fail"/> makes the <c>doctor</c> verb exit non-zero.</summary>
public enum CheckStatus
{
    /// <summary>Works as configured.</summary>
    Pass,

    /// <summary>Works, or will once the bot starts, but something deserves a look (an index behind the database).</summary>
    Warning,

    /// <summary>Will not work until a setting or a file is fixed.</summary>
    Fail,

    /// <summary>Could not be checked because its settings are invalid (the configuration row says which).</summary>
    Skipped,
}
