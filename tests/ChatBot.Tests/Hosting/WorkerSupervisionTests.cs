using System.Text.Json.Nodes;
using ChatBot.Health;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// A background service of the bot (a platform connection, a worker) that fails stops the host, never silently:
/// <c>/readyz</c> names it, the process says which one in a line and exits 1, so a supervisor restarts it.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class WorkerSupervisionTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_background_service_that_fails_stops_the_bot_with_exit_code_1_naming_it()
    {
        var failure = new FailSwitch();
        var bot = await RunningBot.StartAsync(_data.Path, configure: builder =>
        {
            builder.Services.AddSingleton(failure);
            builder.Services.AddHostedService<FailingWorker>();
        });
        using (var http = new HttpClient { BaseAddress = bot.Url })
        {
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            var workers = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "workers")!;
            Assert.Equal("Healthy", workers["status"]!.GetValue<string>());
        }

        failure.Fail();
        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains("Error: FailingWorker failed (the worker broke); the bot stopped.", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_names_a_background_service_that_failed_and_counts_those_running()
    {
        var failure = new FailSwitch();
        using var failing = new FailingWorker(failure);
        using var running = new FailingWorker(new FailSwitch());
        await failing.StartAsync(CancellationToken.None);
        await running.StartAsync(CancellationToken.None);
        var check = new WorkersHealthCheck([failing, running]);
        var before = await check.CheckHealthAsync(new HealthCheckContext());

        failure.Fail();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.ExecuteTask!);
        var after = await check.CheckHealthAsync(new HealthCheckContext());
        await running.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal("2 running", before.Description);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Equal("FailingWorker failed (the worker broke)", after.Description);
    }

    /// <summary>Lets a test decide when <see cref="FailingWorker"/> fails.</summary>
    public sealed class FailSwitch
    {
        private readonly TaskCompletionSource _fail = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Failed => _fail.Task;

        public void Fail() => _fail.TrySetResult();
    }

    /// <summary>A background service that throws when its switch is thrown, as a bug in a worker would.</summary>
    public sealed class FailingWorker(FailSwitch failure) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await failure.Failed.WaitAsync(stoppingToken);
            throw new InvalidOperationException("the worker broke");
        }
    }
}
