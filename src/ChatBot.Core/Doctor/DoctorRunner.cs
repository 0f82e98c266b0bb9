using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Doctor;

/// <summary>
/// Runs every registered <see cref="IDoctorCheck"/> at once, each within <see cref="TimeLimit"/>, and returns
/// their rows in registration order. A check that times out, meets invalid settings or throws becomes a row
/// saying so; the report is never cut short by one broken check.
/// </summary>
public sealed class DoctorRunner(IEnumerable<IDoctorCheck> checks, TimeProvider timeProvider, ILogger<DoctorRunner> logger)
{
    /// <summary>How long one check may take; network checks make one request each, so this is generous.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(checks.Select(check => RunOneAsync(check, cancellationToken)));
        return [.. results.OfType<CheckResult>()];
    }

    private async Task<CheckResult?> RunOneAsync(IDoctorCheck check, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(TimeLimit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            // On the thread pool: checks that read files or LiteDB synchronously still run side by side.
            return await Task.Run(() => check.RunAsync(linked.Token), linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(
                check.Name,
                string.Create(CultureInfo.InvariantCulture, $"no answer within {TimeLimit.TotalSeconds:0} s"),
                "Check that this machine can reach it (network, proxy, firewall) and that its base URL setting is right.");
        }
        catch (OptionsValidationException)
        {
            return CheckResult.Skipped(check.Name, "not checked: its settings are invalid (see Configuration)");
        }
#pragma warning disable CA1031 // A check that breaks is one failed row; the other rows still matter to the person reading them.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.DoctorCheckThrew(logger, check.Name, e);
            return CheckResult.Fail(check.Name, $"the check could not finish: {e.Message}", "This is a bug in the check: report it with the error logged above.");
        }
    }
}
