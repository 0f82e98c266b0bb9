using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Resilience;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>Sending what is pending: who is due, and what a sent digest leaves in the user's settings.</summary>
public sealed class AlertSenderTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _papers;
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryDeliveryLog _log = new();
    private readonly RecordingChatPlatform _discord = new("discord");
    private readonly TestMetrics _metrics = new();
    private readonly AlertSender _sender;

    public AlertSenderTests()
    {
        _papers = new InMemoryPaperStore(_clock);
        var options = Options.Create(new AlertOptions());
        var messenger = new AlertMessenger(_alerts, _log, _papers, new ChatPlatforms([_discord]), new AlertMessageComposer(options),
            new AlertFailurePolicy(options, Backoff.NoJitter), _metrics.Metrics, NullLogger<AlertMessenger>.Instance);
        _sender = new AlertSender(_log, _alerts, new AlertDueCheck(NullLogger<AlertDueCheck>.Instance), messenger, _metrics.Metrics, _clock, NullLogger<AlertSender>.Instance);
    }

    public void Dispose()
    {
        _metrics.Dispose();
    }

    [Fact]
    public async Task A_daily_digest_sent_is_recorded_in_the_users_settings_and_keeps_their_choice()
    {
        await WaitingAsync("U1", "Mamba one");
        var choice = AlertDigest.Parse("daily 08:00 Europe/Berlin");
        await _alerts.UpdateSettingsAsync("discord", "U1", s => s with { Digest = choice });

        await _sender.SendDueAsync(CancellationToken.None);

        Assert.Single(_discord.Sent);
        var settings = await _alerts.GetSettingsAsync("discord", "U1");
        Assert.Equal((choice, new DateOnly(2026, 11, 23)), (settings.Digest, settings.DigestSentOn));
    }

    [Fact]
    public async Task An_instant_user_is_sent_at_once_and_a_digest_user_before_their_time_waits()
    {
        await WaitingAsync("U1", "Mamba one");
        await WaitingAsync("U2", "Mamba two");
        await _alerts.UpdateSettingsAsync("discord", "U2", s => s with { Digest = AlertDigest.Parse("daily 18:00 UTC") });

        await _sender.SendDueAsync(CancellationToken.None);

        Assert.Equal(["dm:U1"], _discord.Sent.Select(m => m.ChannelId));
        Assert.Null((await _alerts.GetSettingsAsync("discord", "U1")).DigestSentOn);
        Assert.Equal("U2", Assert.Single(await _log.PendingAsync()).UserId);
    }

    [Fact]
    public async Task A_delivery_waiting_for_its_retry_time_is_not_sent_before_it()
    {
        var delivery = await WaitingAsync("U1", "Mamba one");
        await _log.SaveAsync([delivery with { Attempts = 1, RetryAt = _clock.GetUtcNow().AddMinutes(5) }]);

        await _sender.SendDueAsync(CancellationToken.None);
        Assert.Empty(_discord.Sent);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _sender.SendDueAsync(CancellationToken.None);

        Assert.Single(_discord.Sent);
        Assert.Equal((DeliveryState.Sent, 2), (Assert.Single(_log.All).State, _log.All[0].Attempts));
    }

    // A user with an alert and one paper recorded for them, as matching leaves it.
    private async Task<Delivery> WaitingAsync(string user, string title)
    {
        var alert = await _alerts.TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = "mamba" }, int.MaxValue);
        var paper = TestPapers.Arxiv($"2611.{_papers.All.Count + 1:00000}", title);
        await _papers.UpsertAsync([paper]);
        var delivery = new Delivery { Platform = "discord", UserId = user, PaperId = paper.Id, Sequence = _papers.All.Single(p => p.Id == paper.Id).Sequence, AlertIds = [alert!.Id] };
        await _log.RecordNewAsync([delivery]);
        return delivery;
    }
}
