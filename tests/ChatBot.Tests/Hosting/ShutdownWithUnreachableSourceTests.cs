using ChatBot.Testing;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// Stopping the bot (what SIGTERM does) while a paper source does not answer: the fetch is cancelled at once,
/// so the process exits within seconds, whatever the network does. The grace period is for sends under way
/// (daily threads, alert messages), not for fetches, which are simply fetched again at the next start.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ShutdownWithUnreachableSourceTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_source_that_takes_the_connection_but_never_answers_does_not_hold_up_the_stop()
    {
        await using var silent = StallingHttpServer.NeverAnswering();
        _environment.Set("Sources__Arxiv__Enabled", "true");
        _environment.Set("Sources__Arxiv__BaseUrl", silent.BaseAddress.AbsoluteUri);
        _environment.Set("Shutdown__GracePeriod", "00:00:20"); // long: a fetch waiting for it would be seen

        var bot = await RunningBot.StartAsync(_data.Path, exitWithin: TimeSpan.FromSeconds(5));
        await using (bot)
        {
            // Positive proof the fetch is under way: the request arrived and waits for an answer that never comes.
            await silent.WaitForRequestAsync();
        }

        // Disposing the bot stopped it and asserted it exited cleanly within 5 s.
        Assert.Equal(1, silent.Requests);
    }
}
