using System.Text.Json.Nodes;
using ChatBot.Core.Commands;
using ChatBot.Core.Storage;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// The gateway worker in a real generic host (whose default is to stop when a background service
/// throws): an unexpected failure is shown in readiness and retried, never stops the host; only a
/// never-reconnect close code stops the gateway, and the host keeps running its other workers.
/// Close codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes.
/// </summary>
public sealed class GatewaySupervisionTests
{
    [Fact]
    public async Task An_unexpected_failure_of_the_gateway_client_shows_in_readiness_and_is_retried_without_stopping_the_host()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RestApi.MapGatewayBot(gateway.Url);
        FlakyDiscovery? flaky = null;
        using var host = BuildHost(rest, services => services.Replace(ServiceDescriptor.Singleton<IDiscordRestClient>(provider =>
            flaky = new FlakyDiscovery(ActivatorUtilities.CreateInstance<DiscordRestClient>(provider)))));
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await host.StartAsync();
        await flaky!.SecondCallStarted.WaitAsync(TimeSpan.FromSeconds(10));
        var down = await CheckAsync(host);
        flaky.Proceed();
        await gateway.WaitForFrameAsync(f => f.Op == 2);
        await WaitForHealthAsync(host, entry => entry.Status == HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains("injected fault", down.Description, StringComparison.Ordinal);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host is stopping");
        await host.StopAsync();
        Assert.Empty(gateway.ProtocolViolations);
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4013, "invalid intents")]
    public async Task A_never_reconnect_close_code_stops_only_the_gateway_and_readiness_says_why(int code, string why)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.CloseCodeOnIdentify = code;
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RestApi.MapGatewayBot(gateway.Url);
        var ticker = new Ticker();
        using var host = BuildHost(rest, services => services.AddHostedService(_ => ticker));
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await host.StartAsync();
        var stopped = await WaitForHealthAsync(host, entry => entry.Description?.Contains("stopped", StringComparison.Ordinal) == true);
        var ticks = ticker.Ticks;
        await GatewayHarness.WaitUntilAsync(() => ticker.Ticks > ticks + 2, "the other worker to go on");

        Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), stopped.Description, StringComparison.Ordinal);
        Assert.Contains(why, stopped.Description, StringComparison.Ordinal);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host is stopping");
        Assert.Single(gateway.Connections);
        await host.StopAsync();
    }

    /// <summary>A host with the Discord gateway on the fakes (and <paramref name="settings"/> on top), test timing.</summary>
    internal static IHost BuildHost(FakeDiscordRest rest, Action<IServiceCollection> configure, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeDiscordRest.Token,
            ["Discord:ApplicationId"] = FakeDiscordRest.ApplicationId,
            ["Discord:ApiBaseUrl"] = rest.Options.ApiBaseUrl.AbsoluteUri,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddChatBotDiscord();
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IStateStore, InMemoryStateStore>();
        builder.Services.AddSingleton<ICommandHandler>(new FakeSearchHandler());
        builder.Services.AddSingleton<CommandRouter>();
        builder.Services.Replace(ServiceDescriptor.Singleton(GatewayHarness.FastSettings));
        configure(builder.Services);
        return builder.Build();
    }

    internal static async Task<HealthReportEntry> CheckAsync(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["discord"];

    internal static async Task<HealthReportEntry> WaitForHealthAsync(IHost host, Func<HealthReportEntry, bool> done)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var entry = await CheckAsync(host);
            if (done(entry))
            {
                return entry;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(15), "readiness never got there; last: " + entry.Description);
            await Task.Delay(20);
        }
    }

    /// <summary>Another worker of the host, to see it keep running.</summary>
    private sealed class Ticker : BackgroundService
    {
        private int _ticks;

        public int Ticks => Volatile.Read(ref _ticks);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                while (true)
                {
                    Interlocked.Increment(ref _ticks);
                    await Task.Delay(20, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Host stopping.
            }
        }
    }

    /// <summary>The real REST client, except that discovery first fails in a way no code expects, then waits for the test.</summary>
    private sealed class FlakyDiscovery(IDiscordRestClient inner) : IDiscordRestClient
    {
        private readonly TaskCompletionSource _secondCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _proceed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public Task SecondCallStarted => _secondCall.Task;

        public void Proceed() => _proceed.TrySetResult();

        public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
        {
            switch (Interlocked.Increment(ref _calls))
            {
                case 1:
                    throw new InvalidOperationException("injected fault: nothing expects this");
                case 2:
                    _secondCall.TrySetResult();
                    await _proceed.Task.WaitAsync(cancellationToken);
                    break;
                default:
                    break;
            }

            return await inner.GetGatewayBotAsync(cancellationToken);
        }

        public Task<CurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken) => inner.GetCurrentUserAsync(cancellationToken);

        public Task<ApplicationInfo> GetApplicationInfoAsync(CancellationToken cancellationToken) => inner.GetApplicationInfoAsync(cancellationToken);

        public Task RespondToInteractionAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken) =>
            inner.RespondToInteractionAsync(interactionId, interactionToken, callback, cancellationToken);

        public Task EditOriginalResponseAsync(string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
            inner.EditOriginalResponseAsync(interactionToken, message, cancellationToken);

        public Task<Core.Chat.PostedMessage> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
            inner.CreateMessageAsync(channelId, message, cancellationToken);

        public Task<DiscordChannelKind> GetChannelKindAsync(string channelId, CancellationToken cancellationToken) => inner.GetChannelKindAsync(channelId, cancellationToken);

        public Task<string> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
            inner.StartThreadFromMessageAsync(channelId, messageId, name, cancellationToken);

        public Task<Core.Chat.PostedMessage> StartForumThreadAsync(string channelId, string name, MessagePayload message, CancellationToken cancellationToken) =>
            inner.StartForumThreadAsync(channelId, name, message, cancellationToken);

        public Task<string> CreateDirectMessageChannelAsync(string userId, CancellationToken cancellationToken) => inner.CreateDirectMessageChannelAsync(userId, cancellationToken);

        public Task<JsonArray> GetCommandsAsync(string? guildId, CancellationToken cancellationToken) => inner.GetCommandsAsync(guildId, cancellationToken);

        public Task BulkOverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
            inner.BulkOverwriteCommandsAsync(guildId, commands, cancellationToken);
    }
}
