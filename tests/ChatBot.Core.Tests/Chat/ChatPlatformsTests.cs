using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.Chat;

public sealed class ChatPlatformsTests
{
    [Fact]
    public void Core_registers_every_platform_registered_under_its_name_and_finds_each_by_it()
    {
        var discord = new RecordingChatPlatform("discord");
        var matrix = new RecordingChatPlatform("matrix");
        var services = new ServiceCollection()
            .AddKeyedSingleton<IChatPlatform>("discord", discord)
            .AddKeyedSingleton<IChatPlatform>("matrix", matrix);
        ChatBotCoreRegistration.AddChatPlatforms(services);

        var platforms = services.BuildServiceProvider().GetRequiredService<ChatPlatforms>();

        Assert.Equal(["discord", "matrix"], platforms.Names);
        Assert.Same(discord, platforms.Find("discord"));
        Assert.Same(matrix, platforms.Find("matrix"));
        Assert.Null(platforms.Find("slack"));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_registered_names_listed()
    {
        var platforms = new ChatPlatforms([new RecordingChatPlatform("discord"), new RecordingChatPlatform("slack"), new RecordingChatPlatform("console")]);

        var refused = Assert.Throws<ChatBotException>(() => platforms.ParseName("teams"));

        Assert.Equal("'teams' is not a platform; use discord, slack or console.", refused.Message);
    }

    [Fact]
    public void A_name_not_registered_in_this_host_is_refused_even_when_another_host_knows_it()
    {
        var platforms = new ChatPlatforms([new RecordingChatPlatform("discord")]);

        var refused = Assert.Throws<ChatBotException>(() => platforms.ParseName("slack"));

        Assert.Equal("'slack' is not a platform; use discord.", refused.Message);
    }

    [Fact]
    public void With_no_platform_registered_every_name_is_refused_saying_so()
    {
        var refused = Assert.Throws<ChatBotException>(() => new ChatPlatforms([]).ParseName("discord"));

        Assert.Equal("'discord' is not a platform; no chat platform is registered.", refused.Message);
    }

    [Theory]
    [InlineData("matrix")]
    [InlineData(" Matrix ")]
    [InlineData("MATRIX")]
    public void A_typed_name_is_read_without_case_or_spaces_and_given_back_as_registered(string typed)
    {
        var platforms = new ChatPlatforms([new RecordingChatPlatform("discord"), new RecordingChatPlatform("matrix")]);

        Assert.Equal("matrix", platforms.ParseName(typed));
    }

    [Fact]
    public void Two_platforms_of_one_name_are_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new ChatPlatforms([new RecordingChatPlatform("discord"), new RecordingChatPlatform("Discord")]));

        Assert.Contains("'Discord'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_thread_may_be_configured_on_a_platform_Core_has_never_heard_of_once_it_is_registered()
    {
        var options = new DailyThreadSchedulesOptions
        {
            new DailyThreadScheduleSetting { Platform = "Matrix", ChannelId = "!room:example.org", Time = "09:00", TimeZone = "UTC" },
        };
        var platforms = new ChatPlatforms([new RecordingChatPlatform("matrix")]);

        Assert.True(new DailyThreadSchedulesValidator(platforms).Validate(null, options).Succeeded);
        Assert.Equal("matrix", DailyThreadScheduleParser.FromSetting(options[0], platforms).Platform);
        Assert.StartsWith(
            "DailyThreads:Schedules:0:Platform 'Matrix' is not a platform; use discord.",
            Assert.Single(new DailyThreadSchedulesValidator(new ChatPlatforms([new RecordingChatPlatform("discord")])).Validate(null, options).Failures!),
            StringComparison.Ordinal);
    }
}
