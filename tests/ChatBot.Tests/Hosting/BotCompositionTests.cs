using ChatBot.Admin;
using ChatBot.Alerts;
using ChatBot.Cli;
using ChatBot.Console;
using ChatBot.Core;
using ChatBot.DailyThreads;
using ChatBot.Ingestion;
using ChatBot.Search;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// What the bot's entry point composes from the features' AddXxx calls, read from the builder just before it is
/// built: each worker once, the search index brought up before the workers that read or fill it, and the
/// console's REPL only when no platform is configured.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BotCompositionTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_index_starts_before_the_workers_each_registered_once_and_the_console_REPL_last()
    {
        var hosted = await HostedServicesAsync([]);

        Assert.Equal(
            [typeof(IndexStartup), typeof(IngestWorker), typeof(DailyThreadWorker), typeof(AlertWorker), typeof(InstanceAnnouncer), typeof(ConsoleRepl)],
            hosted.Where(type => type.Namespace is "ChatBot.Search" or "ChatBot.Ingestion" or "ChatBot.DailyThreads" or "ChatBot.Alerts" or "ChatBot.Admin" or "ChatBot.Console"));
        Assert.DoesNotContain(typeof(HeadlessNotice), hosted);
    }

    [Fact]
    public async Task With_a_platform_configured_there_is_no_REPL_and_with_the_console_off_the_bot_says_it_runs_headless()
    {
        var withPlatform = await HostedServicesAsync(new() { ["Discord__PublicKey"] = new string('a', 64) });
        var withoutConsole = await HostedServicesAsync(new() { ["Console__Enabled"] = "false" });

        Assert.DoesNotContain(typeof(ConsoleRepl), withPlatform);
        Assert.DoesNotContain(typeof(HeadlessNotice), withPlatform);
        Assert.DoesNotContain(typeof(ConsoleRepl), withoutConsole);
        Assert.Single(withoutConsole, type => type == typeof(HeadlessNotice));
    }

    /// <summary>The hosted services the bot would start, in order; the run stops before the host is built.</summary>
    private async Task<List<Type>> HostedServicesAsync(Dictionary<string, string> settings)
    {
        using var environment = new EnvironmentVariables();
        foreach (var (name, value) in settings)
        {
            environment.Set(name, value);
        }

        List<Type>? hosted = null;
        var exitCode = await ChatBotCli.RunAsync(["--data-dir", _data.Path], SilentConsole.Create(), builder =>
        {
            hosted = [.. builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType is not null).Select(d => d.ImplementationType!)];
            throw new ChatBotException("composed");
        });

        Assert.Equal(ChatBotCli.Failure, exitCode);
        return hosted!;
    }
}
