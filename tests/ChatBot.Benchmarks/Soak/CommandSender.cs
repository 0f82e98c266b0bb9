using ChatBot.Testing;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Issues commands at the steady rate (each due at start + n / rate, so a slow moment does not lower the rate), each
/// to Discord or Slack at random, and writes a status line every 10 s.
/// </summary>
internal sealed class CommandSender(SoakSettings settings, CommandMix mix, CommandLedger ledger, DiscordSoak discord, SlackSoak slack, TimeProvider clock, TextWriter progress)
{
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(10);

    private readonly Random _platforms = new(settings.Seed ^ 0x0c0de);

    public async Task SendAsync(TimeSpan length, BotProcess bot, Func<string> status, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var interval = TimeSpan.FromSeconds(1 / settings.CommandsPerSecond);
        var nextStatus = StatusEvery;
        for (var n = 0; !bot.HasExited; n++)
        {
            var due = interval * n;
            if (due >= length)
            {
                break;
            }

            var wait = due - clock.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            var request = mix.Next();
            if (_platforms.Next(2) == 0)
            {
                discord.Send(ledger.Issue(SoakPlatform.Discord, request.Text), request);
            }
            else
            {
                slack.Send(ledger.Issue(SoakPlatform.Slack, request.Text), request);
            }

            if (clock.GetElapsedTime(started) >= nextStatus)
            {
                nextStatus += StatusEvery;
                await progress.WriteLineAsync(status());
            }
        }
    }
}
