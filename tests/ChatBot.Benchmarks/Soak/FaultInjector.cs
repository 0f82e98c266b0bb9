namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Injects socket faults at random times (exponentially spaced around <see cref="SoakSettings.FaultInterval"/>),
/// each of a kind drawn from those turned on, on Discord's gateway or a Slack connection. HTTP faults are decided per
/// call by <see cref="HttpFaults"/>. Everything comes from one seeded <see cref="Random"/>; how the bot's timing
/// interleaves with it still varies from run to run.
/// </summary>
internal sealed class FaultInjector(SoakSettings settings, DiscordSoak discord, SlackSoak slack, FaultCounter counter)
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(200);

    private readonly Random _random = new(settings.Seed ^ 0xfa17);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var kinds = settings.Faults.Where(k => k is not (FaultKind.Http429 or FaultKind.Http5xx)).Order().ToArray();
        if (kinds.Length == 0)
        {
            return;
        }

        var staging = new List<Task>();
        try
        {
            while (true)
            {
                var wait = settings.FaultInterval * -Math.Log(1 - _random.NextDouble());
                await Task.Delay(wait < Shortest ? Shortest : wait, cancellationToken);
                var kind = kinds[_random.Next(kinds.Length)];
                if (kind == FaultKind.GatewayInvalidSession)
                {
                    // It first waits for the commands in flight; other faults go on meanwhile.
                    staging.Add(ApplyAsync(kind, new Random(_random.Next()), cancellationToken));
                    continue;
                }

                await ApplyAsync(kind, _random, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(staging);
    }

    private async Task ApplyAsync(FaultKind kind, Random random, CancellationToken cancellationToken)
    {
        try
        {
            var applied = kind.ToString().StartsWith("Gateway", StringComparison.Ordinal)
                ? await discord.InjectAsync(kind, random, cancellationToken)
                : await slack.InjectAsync(kind, random);
            if (applied)
            {
                counter.Count(kind);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
