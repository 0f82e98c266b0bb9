using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Reads the <c>DailyThreads</c> section, and the two sections it replaced while a configuration still
/// uses them: <c>DailyPosts</c> (now <c>DailyThreads:Schedules</c>) and <c>DailyThread</c> (now
/// <c>DailyThreads</c>). The new keys win: a <c>DailyThreads:Schedules</c> list replaces <c>DailyPosts</c>
/// whole (lists cannot be merged entry by entry), and a setting in both sections is taken from
/// <c>DailyThreads</c>. <see cref="DailyThreadOldKeysWarning"/> tells the operator to rename.
/// </summary>
internal sealed class DailyThreadConfiguration(IConfiguration configuration)
    : IConfigureOptions<DailyThreadOptions>, IConfigureOptions<DailyThreadSchedulesOptions>
{
    public const string OldSchedulesSection = "DailyPosts";

    public const string OldThreadSection = "DailyThread";

    /// <summary>The daily-thread options, validated at start, read from the new keys or else the old ones.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<DailyThreadConfiguration>();
        services.AddSingleton<IConfigureOptions<DailyThreadOptions>>(sp => sp.GetRequiredService<DailyThreadConfiguration>());
        services.AddSingleton<IConfigureOptions<DailyThreadSchedulesOptions>>(sp => sp.GetRequiredService<DailyThreadConfiguration>());
        services.AddOptions<DailyThreadOptions>()
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DailyThreadSchedulesOptions>()
            .ValidateOnStart();
        // The validator checks each schedule's platform against those registered.
        ChatBotCoreRegistration.AddChatPlatforms(services);
        services.AddSingleton<IValidateOptions<DailyThreadSchedulesOptions>, DailyThreadSchedulesValidator>();
        services.AddHostedService<DailyThreadOldKeysWarning>();
    }

    public void Configure(DailyThreadOptions options)
    {
        // The old section first, so that a setting present in both ends up with the new section's value.
        configuration.GetSection(OldThreadSection).Bind(options);
        configuration.GetSection(DailyThreadOptions.SectionName).Bind(options);
    }

    public void Configure(DailyThreadSchedulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = ReadsOldSchedules ? OldSchedulesSection : DailyThreadSchedulesOptions.SectionName;
        configuration.GetSection(path).Bind(options);
        options.ConfigurationPath = path;
    }

    /// <summary>The old sections present in the configuration, each with its new name and whether it is still read.</summary>
    public IReadOnlyList<(string OldSection, string NewSection, bool Read)> OldSectionsInUse()
    {
        var found = new List<(string, string, bool)>(2);
        if (configuration.GetSection(OldSchedulesSection).Exists())
        {
            found.Add((OldSchedulesSection, DailyThreadSchedulesOptions.SectionName, ReadsOldSchedules));
        }

        if (configuration.GetSection(OldThreadSection).Exists())
        {
            found.Add((OldThreadSection, DailyThreadOptions.SectionName, true));
        }

        return found;
    }

    private bool ReadsOldSchedules =>
        !configuration.GetSection(DailyThreadSchedulesOptions.SectionName).Exists()
        && configuration.GetSection(OldSchedulesSection).Exists();
}
