namespace ChatBot.Core.Telemetry;

/// <summary>How a command ended, as the <c>outcome</c> label of <c>chatbot_commands_total</c>.</summary>
public enum CommandOutcome
{
    /// <summary>Answered.</summary>
    Ok,

    /// <summary>The user's mistake (bad query, unknown paper, unknown command), explained to them.</summary>
    UserError,

    /// <summary>An admin command from someone who is not an admin.</summary>
    Denied,

    /// <summary>The handler failed on our side; the user got an apology and the log has the details.</summary>
    Error,
}
