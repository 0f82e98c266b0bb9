using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ChatBot.Benchmarks.Soak;
using ChatBot.Core;

namespace ChatBot.Benchmarks.Cli;

/// <summary>
/// <c>soak</c>: the whole bot against the Discord and Slack fakes for a while, with faults injected
/// (<see cref="SoakRunner"/>). Exits 0 when every command was answered exactly once, no protocol violation was seen
/// and the bot kept running; 1 otherwise.
/// </summary>
internal static class SoakCommand
{
    public static Command Create()
    {
        var duration = Duration("--duration", TimeSpan.FromSeconds(60), "How long commands arrive with faults injected: 60s, 30m, 1h.");
        var rate = new Option<double>("--rate")
        {
            Description = "Commands per second (5, 5/s or 300/m), half to Discord, half to Slack at random.",
            DefaultValueFactory = _ => 5,
            CustomParser = ParseRate,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the command mix and the fault schedule.", DefaultValueFactory = _ => 42 };
        var faults = new Option<string>("--faults")
        {
            Description = $"Faults to inject: {string.Join(",", FaultGroups.Groups.Keys)}, {FaultGroups.All} or {FaultGroups.None}.",
            DefaultValueFactory = _ => FaultGroups.All,
        };
        faults.Validators.Add(result =>
        {
            FaultGroups.Parse(result.GetValueOrDefault<string>() ?? "", out var error);
            if (error is not null)
            {
                result.AddError(error);
            }
        });
        var warmup = Duration("--warmup", TimeSpan.FromSeconds(10), "Commands without faults before the working set's starting sample.");
        var drain = Duration("--drain", TimeSpan.FromSeconds(30), "How long after the last command answers may still arrive.");
        var interval = Duration("--fault-interval", TimeSpan.FromSeconds(3), "Mean time between two socket faults.");
        var httpRate = new Option<double>("--http-fault-rate")
        {
            Description = "Share of HTTP calls answered with an injected 429 or 5xx (0 to 0.5).",
            DefaultValueFactory = _ => 0.1,
        };
        httpRate.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 0.5)
            {
                result.AddError("--http-fault-rate must be between 0 and 0.5.");
            }
        });
        var botSettings = new Option<string[]>("--bot-setting")
        {
            Description = "A setting for the bot, Key=Value (e.g. Slack:InlineReplyBudget=00:00:00 to answer every Slack command through response_url); repeatable.",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        botSettings.Validators.Add(result =>
        {
            foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (pair.IndexOf('=', StringComparison.Ordinal) < 1)
                {
                    result.AddError($"--bot-setting takes Key=Value, e.g. Discord:DeferAfter=00:00:00.1 (got '{pair}').");
                }
            }
        });
        var keep = new Option<bool>("--keep") { Description = "Keep the data folder and the bot's log (kept anyway when the soak fails)." };

        var command = new Command("soak", "Runs the real bot against loopback Discord and Slack fakes that inject faults (drops, reconnects, 429s, 5xx, malformed frames) while commands arrive at a steady rate; reports commands answered exactly once, protocol violations and working-set growth. Exit code 1 when it fails.");
        foreach (var option in new Option[] { duration, rate, seed, faults, warmup, drain, interval, httpRate, botSettings, keep })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, token) =>
        {
            var settings = new SoakSettings(
                parse.GetValue(duration), parse.GetValue(rate), parse.GetValue(seed), FaultGroups.Parse(parse.GetValue(faults) ?? "", out _),
                parse.GetValue(warmup), parse.GetValue(drain), parse.GetValue(interval), parse.GetValue(httpRate), parse.GetValue(keep), BotSettings(parse.GetValue(botSettings) ?? []));
            try
            {
                var passed = await new SoakRunner(settings, System.Console.Out, System.Console.Error).RunAsync(token);
                return passed ? BenchmarkCli.Success : BenchmarkCli.Failure;
            }
            catch (ChatBotException e)
            {
                await System.Console.Error.WriteLineAsync($"Error: {e.Message}");
                return BenchmarkCli.Failure;
            }
        });
        return command;
    }

    /// <summary><c>Slack:InlineReplyBudget=0</c> as the environment variable the bot reads, <c>Slack__InlineReplyBudget</c>.</summary>
    private static List<KeyValuePair<string, string>> BotSettings(string[] pairs) =>
        [.. pairs.Select(pair => pair.Split('=', 2)).Select(parts => new KeyValuePair<string, string>(parts[0].Trim().Replace(":", "__", StringComparison.Ordinal), parts[1]))];

    private static Option<TimeSpan> Duration(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseDuration(result, name),
    };

    /// <summary><c>500ms</c>, <c>60s</c>, <c>30m</c>, <c>1h</c>, a number of seconds, or <c>hh:mm:ss</c>; zero or less is refused.</summary>
    private static TimeSpan ParseDuration(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value * unit <= TimeSpan.FromDays(1).TotalSeconds)
        {
            return TimeSpan.FromSeconds(value * unit);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        result.AddError($"{name} must be a positive duration such as 500ms, 60s, 30m or 1h (got '{text}').");
        return TimeSpan.Zero;
    }

    /// <summary><c>5</c> or <c>5/s</c> per second, <c>300/m</c> per minute; between 0.1 and 200 per second.</summary>
    private static double ParseRate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value.Trim();
        var (number, per) = text.EndsWith("/s", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith("/m", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 60.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value / per is >= 0.1 and <= 200)
        {
            return value / per;
        }

        result.AddError($"--rate must be commands per second or minute between 0.1/s and 200/s, such as 5/s or 300/m (got '{text}').");
        return 0;
    }
}
