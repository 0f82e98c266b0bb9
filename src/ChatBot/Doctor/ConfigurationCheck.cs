using System.Text.RegularExpressions;
using ChatBot.Core.Doctor;
using ChatBot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Doctor;

/// <summary>
/// Doctor: every options class validates as it would at start-up. An invalid setting is a failed row that
/// names it (the validators' own one-line messages), never an exception.
/// </summary>
internal sealed partial class ConfigurationCheck(IServiceProvider services) : IDoctorCheck
{
    public string Name => "Configuration";

    public Task<CheckResult?> RunAsync(CancellationToken cancellationToken) => Task.FromResult<CheckResult?>(Check());

    private CheckResult Check()
    {
        try
        {
            HostValidation.Validate(services);
            return CheckResult.Pass(Name, "every setting is valid");
        }
        catch (OptionsValidationException e)
        {
            return Failed(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // Start-up validation throws one exception per invalid options class when there are several.
            return Failed(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures));
        }
        catch (InvalidOperationException e)
        {
            // A value the binder cannot convert ("Failed to convert configuration value at 'Ingest:Interval' ...").
            return Failed([ConfigurationProblems.Describe(e) ?? e.Message]);
        }
    }

    private CheckResult Failed(IEnumerable<string> failures)
    {
        var lines = failures.Select(ConfigurationProblems.Simplify).Distinct(StringComparer.Ordinal).ToList();
        var variables = lines.SelectMany(line => SettingName().Matches(line).Select(match => match.Value.Replace(":", "__", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var where = variables.Count > 0 ? $"the environment ({string.Join(", ", variables)})" : "the environment (':' becomes '__')";
        return CheckResult.Fail(Name, string.Join('\n', lines), $"Correct each setting named, in appsettings.json or {where}.");
    }

    /// <summary>A configuration key as the validators write it: <c>Sources:Arxiv:PageSize</c>, <c>DailyThreads:Schedules:0:TimeZone</c>.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*(?::[A-Za-z0-9]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
