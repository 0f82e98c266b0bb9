using ChatBot.Core.Alerts;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>When a user's alert papers may go: instant at once, a daily digest once a local day after its time.</summary>
public sealed class AlertDueCheckTests
{
    private static readonly DateTimeOffset Monday10Utc = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingLogger<AlertDueCheck> _logger = new();
    private readonly AlertDueCheck _check;

    public AlertDueCheckTests() => _check = new AlertDueCheck(_logger);

    [Fact]
    public void Instant_delivery_is_always_due_and_is_no_digest()
    {
        Assert.Equal(new AlertDue(true, null), _check.Check(AlertDeliverySettings.For("discord", "U1"), Monday10Utc));
    }

    [Fact]
    public void A_daily_digest_is_due_from_its_local_time_on_and_names_the_local_day()
    {
        var settings = Daily("daily 18:00 Europe/Berlin"); // 17:00 UTC in November

        var before = _check.Check(settings, new DateTimeOffset(2026, 11, 23, 16, 59, 0, TimeSpan.Zero));
        var at = _check.Check(settings, new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(new AlertDue(false, new DateOnly(2026, 11, 23)), before);
        Assert.Equal(new AlertDue(true, new DateOnly(2026, 11, 23)), at);
    }

    [Fact]
    public void A_digest_sent_today_waits_for_tomorrow_in_the_users_zone()
    {
        var settings = Daily("daily 08:00 America/New_York") with { DigestSentOn = new DateOnly(2026, 11, 23) };

        // 02:00 UTC on the 24th is still the 23rd in New York: sent already.
        var lateEvening = _check.Check(settings, new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        var nextMorning = _check.Check(settings, new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero));

        Assert.Equal(new AlertDue(false, new DateOnly(2026, 11, 23)), lateEvening);
        Assert.Equal(new AlertDue(true, new DateOnly(2026, 11, 24)), nextMorning);
    }

    [Fact]
    public void An_unknown_zone_counts_as_UTC_and_is_warned_about_once_per_user_and_zone()
    {
        var u1 = Daily("daily 08:00") with { Digest = new AlertDigest(true, new TimeOnly(8, 0), "Mars/Olympus_Mons") };
        var u2 = u1 with { UserId = "U2" };

        var first = _check.Check(u1, Monday10Utc);
        _check.Check(u1, Monday10Utc.AddMinutes(1));
        var early = _check.Check(u2, new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero));

        Assert.Equal(new AlertDue(true, new DateOnly(2026, 11, 23)), first);
        Assert.False(early.IsDue);
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId.Id == 1506));
    }

    private static AlertDeliverySettings Daily(string choice) => AlertDeliverySettings.For("discord", "U1") with { Digest = AlertDigest.Parse(choice) };
}
