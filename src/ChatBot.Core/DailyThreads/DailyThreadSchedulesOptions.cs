namespace ChatBot.Core.DailyThreads;

/// <summary>The <c>DailyThreads:Schedules</c> array of the configuration: the channels that get a daily thread.</summary>
#pragma warning disable CA1710 // It is the configuration's list; "Options" says what it is for.
public sealed class DailyThreadSchedulesOptions : List<DailyThreadScheduleSetting>
#pragma warning restore CA1710
{
    public const string SectionName = DailyThreadOptions.SectionName + ":Schedules";

    /// <summary>
    /// The section these were read from: <see cref="SectionName"/>, or the old <c>DailyPosts</c> while a
    /// configuration still uses it. Messages name the key the operator wrote.
    /// </summary>
    public string ConfigurationPath { get; set; } = SectionName;
}
