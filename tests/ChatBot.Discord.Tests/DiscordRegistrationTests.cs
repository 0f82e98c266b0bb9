using ChatBot.Core.Chat;
using ChatBot.Core.Storage;
using ChatBot.Discord.Commands;
using ChatBot.Discord.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

public sealed class DiscordRegistrationTests
{
    [Fact]
    public void With_a_token_and_an_application_id_the_platform_client_and_registrar_are_registered()
    {
        using var host = Build(new() { ["Discord:Token"] = "t", ["Discord:ApplicationId"] = "111" });

        Assert.IsType<Platform.DiscordPlatform>(host.Services.GetRequiredKeyedService<IChatPlatform>("discord"));
        Assert.Same(host.Services.GetRequiredService<Platform.DiscordPlatform>(), host.Services.GetRequiredKeyedService<IChatPlatform>("discord"));
        Assert.NotNull(host.Services.GetRequiredService<IDiscordRestClient>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is DiscordCommandRegistrar);
        Assert.Null(host.Services.GetService<IChatPlatform>());
    }

    [Fact]
    public void Without_a_token_no_commands_are_registered()
    {
        using var host = Build([]);

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is DiscordCommandRegistrar);
        Assert.Equal("discord", host.Services.GetRequiredKeyedService<IChatPlatform>("discord").Name);
    }

    [Fact]
    public void A_token_without_an_application_id_fails_validation_naming_the_setting()
    {
        using var host = Build(new() { ["Discord:Token"] = "t" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:ApplicationId", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IStateStore, InMemoryStateStore>();
        builder.Services.AddLogging();
        // The host's AddChatBotCore registers the router the interaction handler needs.
        builder.Services.AddSingleton<Core.Commands.CommandRouter>();
        builder.AddChatBotDiscord();
        return builder.Build();
    }
}
