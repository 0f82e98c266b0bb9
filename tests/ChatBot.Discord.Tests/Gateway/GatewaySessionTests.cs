using ChatBot.Discord.Gateway;
using ChatBot.Discord.Rest;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class GatewaySessionTests
{
    private static readonly Uri Gateway = new("wss://gateway.discord.gg");
    private static readonly Uri Api = new("https://discord.com/api/v10");
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<GatewaySession> _log = new();

    [Fact]
    public async Task Identifies_are_spaced_by_the_identify_interval_on_the_injected_clock()
    {
        var session = Session(remaining: 999);
        await session.WaitForIdentifySlotAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));

        var second = session.WaitForIdentifySlotAsync(CancellationToken.None);
        var wait = await _clock.NextTimerAsync(due => due > TimeSpan.Zero);
        Assert.False(second.IsCompleted);
        _clock.Advance(wait);
        await second;

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
    }

    [Fact]
    public async Task With_the_days_session_starts_used_up_the_first_identify_waits_for_them_to_reset()
    {
        var session = Session(remaining: 0, resetAfter: TimeSpan.FromMinutes(30));

        var first = session.WaitForIdentifySlotAsync(CancellationToken.None);
        var wait = await _clock.NextTimerAsync(due => due > TimeSpan.Zero);
        _clock.Advance(wait);
        await first;

        Assert.Equal(TimeSpan.FromMinutes(30), wait);
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3115);
    }

    [Fact]
    public void A_session_resumes_on_READYs_resume_url_with_the_gateway_query()
    {
        var session = Session();

        session.Begin("s1", "wss://resume.discord.gg", Api);

        Assert.True(session.CanResume);
        Assert.Equal("s1", session.Id);
        Assert.Equal(new Uri("wss://resume.discord.gg/?v=10&encoding=json"), session.ConnectUrl(resume: true));
        Assert.Equal(new Uri("wss://gateway.discord.gg/?v=10&encoding=json"), session.ConnectUrl(resume: false));
    }

    [Theory]
    [InlineData("http://resume.example")]
    [InlineData("not a url")]
    public void A_resume_url_the_client_may_not_use_falls_back_to_the_gateway_url(string resumeUrl)
    {
        var session = Session();

        session.Begin("s1", resumeUrl, Api);

        Assert.Equal(new Uri("wss://gateway.discord.gg/?v=10&encoding=json"), session.ConnectUrl(resume: true));
        Assert.Contains(_log.Entries, e => e.EventId.Id == 3121);
    }

    [Fact]
    public void Forgetting_the_session_clears_its_id_sequence_and_resume_url()
    {
        var session = Session();
        session.Begin("s1", "wss://resume.discord.gg", Api);
        session.Track(42);
        Assert.Equal(42, session.LastSequence);

        session.Forget();

        Assert.Equal((null, null, false), (session.Id, session.LastSequence, session.CanResume));
    }

    private GatewaySession Session(int remaining = 999, TimeSpan resetAfter = default)
    {
        var session = new GatewaySession(new DiscordGatewaySettings { IdentifyInterval = TimeSpan.FromSeconds(5) }, _clock, _log);
        session.Discovered(new GatewayBotInfo(Gateway, 1, remaining, resetAfter, 1));
        return session;
    }
}
