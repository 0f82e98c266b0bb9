namespace ChatBot.Core.Digest;

/// <summary>The <c>DailyPosts</c> array of the configuration: the channels that get a daily thread.</summary>
#pragma warning disable CA1710 // It is the configuration's list; "Options" says what it is for.
public sealed class DailyPostsOptions : List<DailyPostSetting>
#pragma warning restore CA1710
{
    public const string SectionName = "DailyPosts";
}
