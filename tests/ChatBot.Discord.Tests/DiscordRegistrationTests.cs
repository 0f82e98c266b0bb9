using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Storage;
using ChatBot.Discord.Commands;
using ChatBot.Discord.Inbound;
using ChatBot.Discord.Platform;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests;

public sealed class DiscordRegistrationTests
{
    [Fact]
    public void With_a_token_and_an_application_id_the_platform_client_and_registrar_are_registered()
    {
        using var host = Build(new() { ["Discord:Token"] = "t", ["Discord:ApplicationId"] = "111" });

        Assert.IsType<DiscordPlatform>(host.Services.GetRequiredKeyedService<IChatPlatform>("discord"));
        Assert.Same(host.Services.GetRequiredService<DiscordPlatform>(), host.Services.GetRequiredKeyedService<IChatPlatform>("discord"));
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
    public void A_long_command_button_resolves_through_the_host_that_rendered_it_and_no_other()
    {
        using var host = Build(new() { ["Discord:Token"] = "t", ["Discord:ApplicationId"] = "111" });
        using var restarted = Build(new() { ["Discord:Token"] = "t", ["Discord:ApplicationId"] = "111" });
        var longCommand = "/papers search \"" + new string('q', 120) + "\" --page 3";

        var payload = host.Services.GetRequiredService<DiscordReplyRenderer>().Render(new Reply { Text = ["results"], Actions = [new ReplyAction("Next", longCommand)] });
        var customId = Assert.Single(Assert.Single(payload.Components).Components).CustomId!;

        var (request, _) = Click(host, customId).Input.Resolve();
        var (_, expired) = Click(restarted, customId).Input.Resolve();

        Assert.StartsWith("cmd:", customId, StringComparison.Ordinal);
        Assert.Equal("3", request!.Options["page"]);
        Assert.Equal([DiscordInteractionParser.ExpiredButton], expired!.Text);
    }

    [Fact]
    public void A_token_without_an_application_id_fails_validation_naming_the_setting()
    {
        using var host = Build(new() { ["Discord:Token"] = "t" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:ApplicationId", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_client_logs_no_token_even_at_trace_level()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        server.Map($"/api/v10/webhooks/111/{InteractionToken}/messages/@original", _ => ScriptedResponse.Json("{}"));
        server.Map("/api/v10/channels/42/messages", _ => ScriptedResponse.Json("""{"code":50013,"message":"Missing Permissions"}""", 403));
        var logs = new RecordingLoggerProvider();
        using var host = Build(
            new()
            {
                ["Discord:Token"] = BotToken,
                ["Discord:ApplicationId"] = "111",
                ["Discord:ApiBaseUrl"] = new Uri(server.BaseAddress, "api/v10").AbsoluteUri,
            },
            logs);
        var client = host.Services.GetRequiredService<IDiscordRestClient>();

        await client.EditOriginalResponseAsync(InteractionToken, new MessagePayload { Content = "done" }, CancellationToken.None);
        await Assert.ThrowsAsync<ChatPlatformException>(() => client.CreateMessageAsync("42", new MessagePayload { Content = "hi" }, CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
        Assert.NotEmpty(logs.Entries);
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(InteractionToken, e.Entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(BotToken, e.Entry.Message, StringComparison.Ordinal);
        });
    }

    private const string BotToken = "bot-token-never-logged";
    private const string InteractionToken = "interaction-token-never-logged";

    private static DiscordInteraction Click(IHost host, string customId)
    {
        using var document = JsonDocument.Parse(InteractionPayloads.Button("b1", customId).ToJsonString());
        return host.Services.GetRequiredService<DiscordInteractionParser>().Parse(document.RootElement);
    }

    private static IHost Build(Dictionary<string, string?> settings, RecordingLoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IStateStore, InMemoryStateStore>();
        // The host's AddChatBotCore registers the router the interaction handler needs.
        builder.Services.AddSingleton<Core.Commands.CommandRouter>();
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        builder.AddChatBotDiscord();
        return builder.Build();
    }
}
