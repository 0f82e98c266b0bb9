using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Papers;
using ChatBot.Core.Resilience;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>After a failed alert message: retry with backoff, or give up and say why.</summary>
public sealed class AlertFailurePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static ChatPlatformException ServerError => new("discord", "500", "Internal Server Error", isPermanent: false);

    private static ChatPlatformException CannotDm => new("discord", "50007", "Cannot send messages to this user", isPermanent: true) { IsUndeliverableToUser = true };

    [Fact]
    public void Retries_wait_the_retry_delay_doubling_with_each_attempt_up_to_six_hours()
    {
        var policy = Policy(new AlertOptions { RetryDelay = TimeSpan.FromMinutes(5) }, Backoff.NoJitter);

        var waits = Enumerable.Range(0, 9).Select(attempts => policy.Decide("discord", [Waiting(attempts)], ServerError, Now).RetryAt - Now);

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 360, 360], waits.Select(w => w!.Value.TotalMinutes));
    }

    [Fact]
    public void A_wait_is_jittered_to_between_half_and_all_of_its_ceiling()
    {
        var earliest = Policy(new AlertOptions(), () => 0.0).Decide("discord", [Waiting(1)], ServerError, Now);
        var latest = Policy(new AlertOptions(), () => 1.0).Decide("discord", [Waiting(1)], ServerError, Now);

        Assert.Equal(TimeSpan.FromMinutes(5), earliest.RetryAt - Now); // attempt 2: ceiling 10 minutes
        Assert.Equal(TimeSpan.FromMinutes(10), latest.RetryAt - Now);
    }

    [Fact]
    public void The_attempt_counts_from_the_most_tried_delivery_of_the_message()
    {
        var failure = Policy(new AlertOptions(), Backoff.NoJitter).Decide("discord", [Waiting(0), Waiting(2)], ServerError, Now);

        Assert.Equal(3, failure.Attempts);
        Assert.Equal("500: Internal Server Error", failure.Error);
    }

    [Fact]
    public void A_permanent_failure_is_given_up_at_MaxAttempts_with_a_reason_the_user_can_act_on()
    {
        var policy = Policy(new AlertOptions { MaxAttempts = 3 }, Backoff.NoJitter);

        var second = policy.Decide("discord", [Waiting(1)], CannotDm, Now);
        var third = policy.Decide("discord", [Waiting(2)], CannotDm, Now);

        Assert.False(second.GivenUp);
        Assert.True(third.GivenUp);
        Assert.Null(third.RetryAt);
        Assert.Equal("the bot cannot send you direct messages (discord 50007); allow DMs from the bot, then /alerts resume all", third.PauseReason);
    }

    [Fact]
    public void A_permanent_failure_that_is_not_about_direct_messages_names_the_error()
    {
        var unknown = new ChatPlatformException("slack", "user_not_found", "User not found", isPermanent: true);

        var failure = Policy(new AlertOptions { MaxAttempts = 1 }, Backoff.NoJitter).Decide("slack", [Waiting(0)], unknown, Now);

        Assert.Equal("messages to you failed 1 times (slack user_not_found: User not found)", failure.PauseReason);
    }

    [Fact]
    public void A_passing_failure_is_never_given_up()
    {
        var failure = Policy(new AlertOptions { MaxAttempts = 1 }, Backoff.NoJitter).Decide("discord", [Waiting(19)], ServerError, Now);

        Assert.False(failure.GivenUp);
        Assert.Equal(Now + TimeSpan.FromHours(6), failure.RetryAt);
    }

    [Fact]
    public void Applied_to_a_delivery_it_is_pending_with_its_retry_time_or_abandoned()
    {
        var policy = Policy(new AlertOptions { MaxAttempts = 2 }, Backoff.NoJitter);

        var retried = policy.Decide("discord", [Waiting(0)], CannotDm, Now).ApplyTo(Waiting(0));
        var abandoned = policy.Decide("discord", [Waiting(1)], CannotDm, Now).ApplyTo(Waiting(1));

        Assert.Equal((DeliveryState.Pending, 1, Now.AddMinutes(5)), (retried.State, retried.Attempts, retried.RetryAt));
        Assert.Equal((DeliveryState.Abandoned, 2, (DateTimeOffset?)null), (abandoned.State, abandoned.Attempts, abandoned.RetryAt));
        Assert.Equal("50007: Cannot send messages to this user", abandoned.LastError);
    }

    private static AlertFailurePolicy Policy(AlertOptions options, Func<double> jitter) => new(Options.Create(options), jitter);

    private static Delivery Waiting(int attempts) =>
        new() { Platform = "discord", UserId = "U1", PaperId = PaperId.Parse($"2611.{attempts:00000}"), AlertIds = ["1"], Attempts = attempts };
}
