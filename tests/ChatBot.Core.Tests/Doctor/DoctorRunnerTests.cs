using ChatBot.Core.Doctor;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Doctor;

public sealed class DoctorRunnerTests
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<DoctorRunner> _logger = new();

    [Fact]
    public async Task Rows_come_in_registration_order_and_checks_with_nothing_to_check_have_none()
    {
        var runner = Runner(
            new ScriptedCheck("First", _ => Task.FromResult<CheckResult?>(CheckResult.Pass("First", "ok"))),
            new ScriptedCheck("Not configured", _ => Task.FromResult<CheckResult?>(null)),
            new ScriptedCheck("Last", async token =>
            {
                await Task.Yield();
                return CheckResult.Warning("Last", "late", "wait");
            }));

        var results = await runner.RunAsync(CancellationToken.None);

        Assert.Equal(["First", "Last"], results.Select(r => r.Check));
    }

    [Fact]
    public async Task A_check_that_does_not_answer_in_time_is_a_failed_row_and_the_others_still_report()
    {
        var quickRan = new TaskCompletionSource();
        var runner = Runner(
            new ScriptedCheck("Hangs", async token =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return null;
            }),
            new ScriptedCheck("Quick", _ =>
            {
                quickRan.SetResult();
                return Task.FromResult<CheckResult?>(CheckResult.Pass("Quick", "ok"));
            }));

        var running = runner.RunAsync(CancellationToken.None);
        await quickRan.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await _clock.NextTimerAsync(due => due == DoctorRunner.TimeLimit);
        await _clock.NextTimerAsync(due => due == DoctorRunner.TimeLimit);
        _clock.Advance(DoctorRunner.TimeLimit);
        var results = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((CheckStatus.Fail, "no answer within 10 s"), (results[0].Status, results[0].Detail));
        Assert.NotNull(results[0].Fix);
        Assert.Equal(CheckStatus.Pass, results[1].Status);
    }

    [Fact]
    public async Task Invalid_settings_skip_a_check_and_a_check_that_throws_fails_its_row_and_is_logged()
    {
        var runner = Runner(
            new ScriptedCheck("Invalid", _ => throw new OptionsValidationException("x", typeof(object), ["Sources:Arxiv:PageSize must be between 1 and 2000."])),
            new ScriptedCheck("Broken", _ => throw new InvalidOperationException("boom")));

        var results = await runner.RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.Skipped, results[0].Status);
        Assert.Equal(CheckStatus.Fail, results[1].Status);
        Assert.Contains("boom", results[1].Detail, StringComparison.Ordinal);
        Assert.Single(_logger.Entries);
    }

    private DoctorRunner Runner(params IDoctorCheck[] checks) => new(checks, _clock, _logger);

    private sealed class ScriptedCheck(string name, Func<CancellationToken, Task<CheckResult?>> run) : IDoctorCheck
    {
        public string Name => name;

        public Task<CheckResult?> RunAsync(CancellationToken cancellationToken) => run(cancellationToken);
    }
}
