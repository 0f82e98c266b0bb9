using ChatBot.Core.Commands;
using ChatBot.Core.Storage;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Inbound;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayRegistrationTests
{
    [Fact]
    public void Without_a_token_no_gateway_worker_is_registered()
    {
        var builder = Builder(new() { ["Discord:PublicKey"] = null });

        builder.AddChatBotDiscord();

        Assert.DoesNotContain(builder.Services, d => d.ImplementationType == typeof(DiscordGatewayWorker));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(DiscordCommandAdapter));
    }

    [Fact]
    public void With_a_token_the_gateway_worker_is_registered_and_resolves()
    {
        var builder = Builder(new() { ["Discord:Token"] = "t", ["Discord:ApplicationId"] = "111" });
        builder.AddChatBotDiscord();
        AddCoreStandIns(builder);

        using var host = builder.Build();

        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is DiscordGatewayWorker);
        Assert.IsType<DiscordCommandAdapter>(host.Services.GetRequiredService<IDiscordInteractionDispatcher>());
    }

    [Fact]
    public void A_public_key_alone_registers_the_command_adapter_but_no_gateway()
    {
        var builder = Builder(new() { ["Discord:PublicKey"] = new string('a', 64), ["Discord:ApplicationId"] = "111" });
        builder.AddChatBotDiscord();
        AddCoreStandIns(builder);

        using var host = builder.Build();

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is DiscordGatewayWorker);
        Assert.NotNull(host.Services.GetRequiredService<DiscordCommandAdapter>());
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>What the host's AddChatBotCore registers.</summary>
    private static void AddCoreStandIns(HostApplicationBuilder builder)
    {
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IStateStore, InMemoryStateStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ICommandHandler>(new FakeSearchHandler());
        builder.Services.AddSingleton<CommandRouter>();
    }
}
