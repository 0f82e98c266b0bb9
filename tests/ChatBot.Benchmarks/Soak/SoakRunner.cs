using System.Globalization;
using System.Net;
using System.Text;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core;
using ChatBot.Testing;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// One soak: import the seed corpus into a temp data folder, start the Discord and Slack fakes, start the real bot as
/// a child process pointed at both, send commands at a steady rate (a warm-up without faults, then the soak with the
/// fault injector on), drain, stop the bot with SIGTERM, and report what became of every command, the protocol
/// violations, the bot's working set and a verdict. The summary goes to stdout, the JSON report is its last line.
/// </summary>
internal sealed class SoakRunner(SoakSettings settings, TextWriter output, TextWriter progress)
{
    private const string DiscordToken = "soak-discord-bot-token";
    private const string SlackBotToken = "xoxb-soak-bot-token";
    private const string Section = "Run";
    private static readonly TimeSpan ConnectWithin = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _clock = TimeProvider.System;

    /// <summary>Runs the soak; true when it passed.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.HardLimit);
        var folder = Path.Combine(Path.GetTempPath(), "chatbot-soak", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var passed = false;
        try
        {
            var (report, details) = await SoakAsync(folder, limit.Token);
            passed = report.Metrics.Single(m => m.Key == "verdict").Text == "pass";
            await output.WriteAsync(report.ToSummary());
            await output.WriteAsync(details);
            await output.WriteLineAsync(report.ToJson());
            return passed;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ChatBotException($"The soak did not finish within {settings.HardLimit.TotalMinutes:0.#} minutes and was abandoned; the bot's log is in {folder}.");
        }
        finally
        {
            if (settings.Keep || !passed)
            {
                await progress.WriteLineAsync($"Data and the bot's log kept in {folder}");
            }
            else
            {
                TryDelete(folder);
            }
        }
    }

    private async Task<(BenchmarkReport Report, string Details)> SoakAsync(string folder, CancellationToken cancellationToken)
    {
        var data = Path.Combine(folder, "data");
        var logFile = Path.Combine(folder, "bot.log");
        var counter = new FaultCounter();
        var violations = new ViolationLog();
        var ledger = new CommandLedger(_clock);
        var httpFaults = new HttpFaults(settings, counter);
        var failures = new List<string>();

        await progress.WriteLineAsync("== importing the seed corpus");
        var imported = await SoakBot.RunAsync(["--data-dir", data, "import", SeedCorpus.Directory], BaseSettings(), folder, logFile, TimeSpan.FromMinutes(3));
        if (imported != 0)
        {
            throw new ChatBotException($"Importing the seed corpus failed ({(imported is null ? "timed out" : $"exit code {imported}")}); see {logFile}.");
        }

        var mix = new CommandMix(settings.Seed, SeedTitles.Read(SeedCorpus.Files));
        await using var discord = await DiscordSoak.StartAsync(ledger, violations, httpFaults, _clock);
        await using var slack = await SlackSoak.StartAsync(ledger, violations, httpFaults, _clock, settings.Seed);
        violations.AddSource("discord gateway fake", () => discord.Gateway.ProtocolViolations);
        violations.AddSource("slack socket fake", () => slack.Server.ProtocolViolations);

        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var botSettings = BaseSettings().Append(new("Urls", url.AbsoluteUri.TrimEnd('/'))).Concat(discord.Settings(DiscordToken)).Concat(slack.Settings(SlackBotToken)).Concat(settings.BotSettings);
        await progress.WriteLineAsync("== starting the bot");
        await using var bot = SoakBot.Start(["--data-dir", data], botSettings, folder, logFile);
        var sampler = new WorkingSetSampler(bot.Process, _clock);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] background = [discord.PumpAsync(run.Token), slack.PumpAsync(run.Token), slack.WatchAsync(run.Token), sampler.RunAsync(SampleEvery, run.Token)];

        var readyAtEnd = false;
        var connected = await WaitUntilAsync(() => discord.IsReady() && slack.OpenConnections >= 2, ConnectWithin, bot, cancellationToken);
        if (!connected)
        {
            failures.Add($"the bot did not connect to both fakes within {ConnectWithin.TotalSeconds:0} s");
        }
        else
        {
            var sending = new CommandSender(settings, mix, ledger, discord, slack, _clock, progress);
            await progress.WriteLineAsync($"== warm-up: {Seconds(settings.Warmup)} s of commands at {settings.CommandsPerSecond:0.##}/s, no faults");
            await sending.SendAsync(settings.Warmup, bot, Status(ledger, counter, sampler), cancellationToken);
            sampler.MarkStart();

            await progress.WriteLineAsync($"== soak: {Seconds(settings.Duration)} s with faults ({FaultGroups.Describe(settings.Faults)})");
            httpFaults.Active = true;
            using (var faulting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var injecting = new FaultInjector(settings, discord, slack, counter).RunAsync(faulting.Token);
                await sending.SendAsync(settings.Duration, bot, Status(ledger, counter, sampler), cancellationToken);
                await faulting.CancelAsync();
                await injecting;
            }

            httpFaults.Active = false;
            await progress.WriteLineAsync($"== drain: up to {Seconds(settings.Drain)} s for the last answers");
            await WaitUntilAsync(() => ledger.Outstanding(SoakPlatform.Discord) + ledger.Outstanding(SoakPlatform.Slack) == 0, settings.Drain, bot, cancellationToken);
            sampler.Sample();
            readyAtEnd = await IsReadyAsync(url, bot, cancellationToken);
            discord.CheckGateway();
        }

        var exitedEarly = bot.HasExited;
        await run.CancelAsync();
        await Task.WhenAll(background);
        await progress.WriteLineAsync("== stopping the bot (SIGTERM)");
        var exitCode = exitedEarly ? await bot.Exited : await bot.StopAsync(StopWithin);
        slack.Finish();
        discord.CheckRequests();
        slack.CheckRequests();
        violations.Collect();
        CheckLogForSecrets(logFile, violations);

        var totals = ledger.Totals();
        if (exitedEarly)
        {
            failures.Add($"the bot stopped during the soak (exit code {exitCode})");
        }
        else if (exitCode != 0)
        {
            failures.Add(exitCode is null ? $"the bot did not stop within {StopWithin.TotalSeconds:0} s of SIGTERM and was killed" : $"the bot exited with {exitCode} after SIGTERM");
        }

        if (connected && !readyAtEnd && !exitedEarly)
        {
            failures.Add("/readyz was not healthy after the drain");
        }

        if (totals.AnsweredMoreThanOnce > 0)
        {
            failures.Add($"{totals.AnsweredMoreThanOnce} command(s) answered more than once");
        }

        if (totals.Unanswered > 0)
        {
            failures.Add($"{totals.Unanswered} command(s) never answered");
        }

        if (violations.Count > 0)
        {
            failures.Add($"{violations.Count} protocol violation(s)");
        }

        var report = Report(ledger, totals, counter, violations, sampler, exitedEarly, readyAtEnd, exitCode, failures);
        return (report, Details(ledger, violations, failures, logFile));
    }

    /// <summary>
    /// Settings for every run of the bot: no console REPL, no paper source reaching out, no embedding model (the soak is
    /// about the platforms under faults; <c>--bot-setting Embeddings__Enabled=true</c> soaks with the model embedding).
    /// </summary>
    private static List<KeyValuePair<string, string>> BaseSettings() =>
    [
        new("Console__Enabled", "false"),
        new("Embeddings__Enabled", "false"),
        new("Sources__HuggingFace__Enabled", "false"),
        new("Sources__Arxiv__Enabled", "false"),
        new("Sources__Inbox__Enabled", "false"),
        new("Logging__Console__TimestampFormat", "HH:mm:ss.fff "),
    ];

    private BenchmarkReport Report(
        CommandLedger ledger, LedgerTotals totals, FaultCounter counter, ViolationLog violations, WorkingSetSampler sampler,
        bool exitedEarly, bool readyAtEnd, int? exitCode, List<string> failures)
    {
        var report = new BenchmarkReport();
        report.AddText(Section, "mode", "mode", "soak");
        report.Add(Section, "seed", "seed", settings.Seed);
        report.Add(Section, "duration_s", "soak with faults", settings.Duration.TotalSeconds, "s");
        report.Add(Section, "warmup_s", "warm-up without faults", settings.Warmup.TotalSeconds, "s");
        report.Add(Section, "rate_per_s", "command rate", settings.CommandsPerSecond, "/s");
        report.AddText(Section, "faults", "faults on", FaultGroups.Describe(settings.Faults));
        report.Add(Section, "fault_interval_s", "mean time between socket faults", settings.FaultInterval.TotalSeconds, "s");
        report.Add(Section, "http_fault_rate", "HTTP calls answered 429/5xx", settings.HttpFaultRate);
        report.AddText(Section, "bot_settings", "extra bot settings", settings.BotSettings.Count == 0 ? "-" : string.Join(' ', settings.BotSettings.Select(s => $"{s.Key}={s.Value}")));

        const string commands = "Commands";
        var sent = ledger.Snapshot();
        report.Add(commands, "commands_sent", "sent", totals.Sent);
        report.Add(commands, "commands_discord", "  on Discord (gateway)", sent.Count(c => c.Platform == SoakPlatform.Discord));
        report.Add(commands, "commands_slack", "  on Slack (Socket Mode)", sent.Count(c => c.Platform == SoakPlatform.Slack));
        report.Add(commands, "answered_once", "answered exactly once", totals.AnsweredOnce);
        report.Add(commands, "answered_more_than_once", "answered (or acknowledged) more than once", totals.AnsweredMoreThanOnce);
        report.Add(commands, "unanswered", "never answered", totals.Unanswered);
        report.Add(commands, "lost_to_faults", "lost by the platform (connection cut before the ack)", totals.Lost);
        report.Add(commands, "answered_deferred", "answered after a deferral", sent.Count(c => c.Deferred && c.Answers > 0));
        report.Add(commands, "answered_late", "answered over 3 s after delivery", totals.Late);
        report.AddLatency(commands, "answer", "delivery to answer", LatencySummary.Of(totals.AnswerMilliseconds));
        var waits = LatencySummary.Of(totals.DeliveryWaitMilliseconds);
        report.Add(commands, "delivery_wait_p99_ms", "waited for a connection p99", waits.P99, "ms");
        report.Add(commands, "delivery_wait_max_ms", "waited for a connection max", waits.Max, "ms");

        const string faults = "Faults";
        report.Add(faults, "faults_injected", "injected", counter.Total);
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            report.Add(faults, "faults_" + Names.Of(kind), "  " + Names.Of(kind).Replace('_', ' '), counter[kind]);
        }

        const string protocol = "Protocol";
        report.Add(protocol, "protocol_violations", "violations", violations.Count);
        foreach (var (source, count) in violations.BySource)
        {
            report.Add(protocol, "protocol_violations_" + source.Replace(' ', '_'), "  " + source, count);
        }

        const string memory = "Memory (the bot process)";
        var workingSet = sampler.Summary();
        report.Add(memory, "working_set_start_mb", "working set after warm-up", workingSet.Start, "MB");
        report.Add(memory, "working_set_peak_mb", "peak working set", workingSet.Peak, "MB");
        report.Add(memory, "working_set_end_mb", "working set at the end", workingSet.End, "MB");
        report.Add(memory, "working_set_growth_mb", "growth", workingSet.Growth, "MB");
        report.Add(memory, "working_set_growth_mb_per_min", "growth per minute", workingSet.GrowthPerMinute, "MB/min");
        report.Add(memory, "working_set_samples", "samples", workingSet.Samples);

        const string verdict = "Verdict";
        report.Add(verdict, "bot_exited_early", "bot stopped during the soak", exitedEarly ? 1 : 0);
        report.Add(verdict, "ready_at_end", "/readyz healthy after the drain", readyAtEnd ? 1 : 0);
        report.Add(verdict, "bot_exit_code", "exit code after SIGTERM", exitCode ?? -1);
        report.AddText(verdict, "verdict", "verdict", failures.Count == 0 ? "pass" : "fail");
        report.AddText(verdict, "failures", "why", failures.Count == 0 ? "-" : string.Join("; ", failures));
        return report;
    }

    private static string Details(CommandLedger ledger, ViolationLog violations, List<string> failures, string logFile)
    {
        var text = new StringBuilder();
        if (violations.Examples.Count > 0)
        {
            text.AppendLine("Protocol violations (the first of each source)");
            foreach (var example in violations.Examples)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {example}");
            }
        }

        var commands = ledger.Snapshot();
        var unanswered = commands.Where(c => c.Answers == 0 && c.LostBecause is null).Take(20).ToList();
        if (unanswered.Count > 0)
        {
            text.AppendLine("Never answered (the first 20)");
            foreach (var command in unanswered)
            {
                var state = command.Platform == SoakPlatform.Discord
                    ? command.Deferred ? "deferred, never edited" : command.Acknowledged ? "acknowledged" : command.SentAt is null ? "never delivered" : $"no callback (pushed on gateway connection {command.Connection})"
                    : command.Acknowledged ? "acked empty, no response_url post" : $"no ack on connection {command.Connection}";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {command.Id} {command.Platform.ToString().ToLowerInvariant()} '{command.Text}': {state}");
            }
        }

        var twice = commands.Where(c => c.Answers > 1 || c.ExtraAcknowledgements > 0).Take(20).ToList();
        if (twice.Count > 0)
        {
            text.AppendLine("Answered more than once (the first 20)");
            foreach (var command in twice)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {command.Id} {command.Platform.ToString().ToLowerInvariant()} '{command.Text}': {command.Answers} answers, {command.ExtraAcknowledgements} extra acknowledgements");
            }
        }

        var late = commands.Where(c => ledger.AnswerTime(c) > CommandLedger.AnswerDeadline).Take(10).ToList();
        if (late.Count > 0)
        {
            text.AppendLine("Answered over 3 s after delivery (the first 10)");
            foreach (var command in late)
            {
                var how = command.Platform == SoakPlatform.Discord ? command.Deferred ? "deferred, then edited" : "callback" : command.Deferred ? "empty ack, then response_url" : "ack payload";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {command.Id} {command.Platform.ToString().ToLowerInvariant()} '{command.Text}': {ledger.AnswerTime(command)!.Value.TotalMilliseconds:0} ms ({how})");
            }
        }

        if (failures.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"The bot's log: {logFile}");
        }

        return text.ToString();
    }

    private static void CheckLogForSecrets(string logFile, ViolationLog violations)
    {
        if (!File.Exists(logFile))
        {
            return;
        }

        var log = File.ReadAllText(logFile);
        foreach (var secret in new[] { DiscordToken, SlackBotToken, "xapp-soak-app-token", "soak-d0" })
        {
            if (log.Contains(secret, StringComparison.Ordinal))
            {
                violations.Add("bot log", $"the log contains a token ('{secret[..6]}…')");
            }
        }
    }

    private static Func<string> Status(CommandLedger ledger, FaultCounter counter, WorkingSetSampler sampler) => () =>
    {
        var totals = ledger.Totals();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {totals.Sent} sent, {totals.AnsweredOnce + totals.AnsweredMoreThanOnce} answered, {ledger.Outstanding(SoakPlatform.Discord) + ledger.Outstanding(SoakPlatform.Slack)} waiting, {counter.Total} faults, working set {sampler.Summary().End:0} MB");
    };

    /// <summary>Polls <paramref name="done"/> until it holds (true), the time is up or the bot exited (false).</summary>
    private async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan within, BotProcess bot, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        while (!done())
        {
            if (bot.HasExited || _clock.GetElapsedTime(started) >= within)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>GET /readyz answers 200 within 15 s (connections cut by the last faults may still be coming back).</summary>
    private async Task<bool> IsReadyAsync(Uri url, BotProcess bot, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var started = _clock.GetTimestamp();
        while (!bot.HasExited && _clock.GetElapsedTime(started) < TimeSpan.FromSeconds(15))
        {
            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        return false;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException e)
        {
            progress.WriteLine($"Could not delete {folder}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            progress.WriteLine($"Could not delete {folder}: {e.Message}");
        }
    }
}
