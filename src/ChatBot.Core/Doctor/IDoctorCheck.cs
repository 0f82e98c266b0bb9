namespace ChatBot.Core.Doctor;

/// <summary>
/// One thing the <c>doctor</c> verb checks: a setting, the database, a platform's token, a paper source.
/// Each project registers the checks of what it owns. A check only looks: it never creates, repairs,
/// connects or posts, so it is safe beside a running bot.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>The row's name (<c>Discord</c>, <c>Database</c>), also used when the check runs out of time.</summary>
    string Name { get; }

    /// <summary>The result, or null when there is nothing to check (the platform or source is not configured).</summary>
    Task<CheckResult?> RunAsync(CancellationToken cancellationToken);
}
