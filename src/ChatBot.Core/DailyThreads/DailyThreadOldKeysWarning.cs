using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Warns once at start about each old daily-thread section still in the configuration, naming its new
/// name. At start rather than while binding: a configuration error must stay the only line then.
/// </summary>
internal sealed class DailyThreadOldKeysWarning(DailyThreadConfiguration configuration, ILogger<DailyThreadOldKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (oldSection, newSection, read) in configuration.OldSectionsInUse())
        {
            if (read)
            {
                Log.DailyThreadOldSectionRead(logger, oldSection, newSection, Variables(oldSection), Variables(newSection));
            }
            else
            {
                Log.DailyThreadOldSectionIgnored(logger, oldSection, newSection);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // DailyThreads:Schedules -> DailyThreads__Schedules__…, as the environment spells it.
    private static string Variables(string section) => section.Replace(":", "__", StringComparison.Ordinal) + "__\u2026";
}
