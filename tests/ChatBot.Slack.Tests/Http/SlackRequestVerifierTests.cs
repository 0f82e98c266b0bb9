using System.Globalization;
using System.Text;
using ChatBot.Slack.Http;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Tests.Http;

public sealed class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    [Fact]
    public void Slacks_documented_example_signature_is_accepted()
    {
        // The example request from Slack's "Verifying requests from Slack" page.
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var verifier = Verifier(clock);

        var check = verifier.Verify("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Encoding.UTF8.GetBytes(body));

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public void Timestamps_more_than_five_minutes_from_the_injected_clock_are_stale()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var verifier = Verifier(clock);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = "text=hi"u8.ToArray();
        var signature = SlackRequestVerifier.Sign(Secret, timestamp, body);

        var fresh = verifier.Verify(timestamp, signature, body);
        clock.Advance(TimeSpan.FromMinutes(4));
        var stillFresh = verifier.Verify(timestamp, signature, body);
        clock.Advance(TimeSpan.FromMinutes(2));
        var stale = verifier.Verify(timestamp, signature, body);

        Assert.Equal((SignatureCheck.Valid, SignatureCheck.Valid, SignatureCheck.Stale), (fresh, stillFresh, stale));
        var now = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(now, signature, body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(now, SlackRequestVerifier.Sign(Secret, now, body), "text=ho"u8.ToArray()));
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(now, SlackRequestVerifier.Sign(Secret, now, body), body));
        Assert.Equal(SignatureCheck.Missing, verifier.Verify("not-a-number", signature, body));
        Assert.Equal(SignatureCheck.Missing, verifier.Verify(timestamp, null, body));
    }

    [Fact]
    public void A_timestamp_six_minutes_in_the_future_is_refused_as_stale()
    {
        // "Verifying requests from Slack": compare the timestamp with the local time and refuse a request more than
        // five minutes away (https://api.slack.com/authentication/verifying-requests-from-slack); ahead counts as well
        // as behind, or a captured request could be replayed later by forging a future one.
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var verifier = Verifier(clock);
        var body = "text=hi"u8.ToArray();
        var future = clock.GetUtcNow().AddMinutes(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nearFuture = clock.GetUtcNow().AddMinutes(4).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var farAhead = verifier.Verify(future, SlackRequestVerifier.Sign(Secret, future, body), body);
        var slightlyAhead = verifier.Verify(nearFuture, SlackRequestVerifier.Sign(Secret, nearFuture, body), body);

        Assert.Equal((SignatureCheck.Stale, SignatureCheck.Valid), (farAhead, slightlyAhead));
    }

    private static SlackRequestVerifier Verifier(TimeProvider clock) =>
        new(Options.Create(new SlackOptions { SigningSecret = Secret }), clock);
}
