using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Discord.Interactions;
using ChatBot.Testing;
using NSec.Cryptography;

namespace ChatBot.Discord.Tests.Interactions;

public sealed class DiscordInteractionsEndpointTests
{
    [Fact]
    public async Task A_signed_ping_is_answered_with_pong_as_json()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();

        using var response = await host.PostSignedAsync("""{"id":"p1","token":"t","type":1,"version":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_command_is_answered_in_the_response_body_with_a_message()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();

        using var response = await host.PostSignedAsync(InteractionPayloads.Search("h1", "graphs").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, body["type"]!.GetValue<int>());
        Assert.Contains("Results for graphs", body["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, host.Search.Calls);
        Assert.Empty(host.Rest.Requests);
    }

    [Fact]
    public async Task A_slow_signed_command_is_deferred_in_the_response_then_edits_the_original()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();
        host.Search.Delay = TimeSpan.FromSeconds(1);
        host.Rest.Map(InteractionPayloads.OriginalPath("h2"), _ => Testing.ScriptedResponse.Json("""{"id":"m1"}"""));

        using var response = await host.PostSignedAsync(InteractionPayloads.Search("h2", "agents").ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var edit = Assert.Single(await host.Rest.WaitForRequestsAsync(1));

        Assert.Equal(5, body["type"]!.GetValue<int>());
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal(InteractionPayloads.OriginalPath("h2"), edit.Path);
        Assert.Contains("Results for agents", JsonNode.Parse(edit.Body)!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("body changed")]
    [InlineData("timestamp changed")]
    [InlineData("no signature")]
    [InlineData("no timestamp")]
    [InlineData("not hex")]
    [InlineData("short signature")]
    public async Task A_request_whose_signature_does_not_verify_gets_401_and_runs_nothing(string problem)
    {
        await using var host = await InteractionsEndpointHost.StartAsync();
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var body = InteractionPayloads.Search("h3", "x").ToJsonString();

        using var response = await host.PostSignedAsync(
            body,
            request =>
            {
                switch (problem)
                {
                    case "body changed":
                        request.Content = new StringContent(body.Replace("\"x\"", "\"y\"", StringComparison.Ordinal), Encoding.UTF8, "application/json");
                        break;
                    case "timestamp changed":
                        Replace(request, "X-Signature-Timestamp", "1700000001");
                        break;
                    case "no signature":
                        request.Headers.Remove("X-Signature-Ed25519");
                        break;
                    case "no timestamp":
                        request.Headers.Remove("X-Signature-Timestamp");
                        break;
                    case "not hex":
                        Replace(request, "X-Signature-Ed25519", new string('z', 128));
                        break;
                    case "short signature":
                        Replace(request, "X-Signature-Ed25519", "abcd");
                        break;
                    default:
                        break;
                }
            },
            problem == "forged" ? otherKey : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Search.Calls);
    }

    // Discord signs X-Signature-Timestamp + body (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers);
    // a signed request replayed later still verifies, so, as Slack documents for its own signatures
    // (https://api.slack.com/authentication/verifying-requests-from-slack), one stamped more than
    // 5 minutes from now either way is refused like a bad signature.
    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    [InlineData(-6)]
    public async Task A_validly_signed_request_stamped_more_than_5_minutes_from_now_gets_401_and_runs_nothing(int minutes)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await InteractionsEndpointHost.StartAsync(clock: clock);

        using var ping = await host.PostSignedAsync("""{"id":"p1","token":"t","type":1,"version":1}""", signedAt: clock.GetUtcNow().AddMinutes(minutes));
        using var command = await host.PostSignedAsync(InteractionPayloads.Search("old", "x").ToJsonString(), signedAt: clock.GetUtcNow().AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.Unauthorized, ping.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, command.StatusCode);
        Assert.Equal(0, host.Search.Calls);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public async Task A_request_stamped_within_5_minutes_of_now_is_accepted(int minutes)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await InteractionsEndpointHost.StartAsync(clock: clock);

        using var ping = await host.PostSignedAsync("""{"id":"p1","token":"t","type":1,"version":1}""", signedAt: clock.GetUtcNow().AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task A_timestamp_that_is_not_unix_seconds_gets_401()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();

        using var response = await host.PostSignedAsync(
            """{"id":"p1","token":"t","type":1,"version":1}""",
            tamper: request => Replace(request, "X-Signature-Timestamp", "yesterday"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // An interaction is acknowledged once (a second response is refused with 40060, "Interaction has
    // already been acknowledged": https://discord.com/developers/docs/topics/opcodes-and-status-codes#json).
    // A second delivery of the same interaction id (a retry after our answer was lost, or a replay)
    // gets the first delivery's answer again, and the command does not run twice.
    [Fact]
    public async Task A_second_delivery_of_the_same_interaction_gets_the_same_answer_without_running_the_command_again()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();
        var body = InteractionPayloads.Search("dup", "graphs").ToJsonString();

        using var first = await host.PostSignedAsync(body);
        using var second = await host.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(4, JsonNode.Parse(await second.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        Assert.Equal(1, host.Search.Calls);
    }

    [Fact]
    public async Task A_second_delivery_while_a_slow_command_runs_is_deferred_too_and_the_command_answers_once()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();
        host.Search.Delay = TimeSpan.FromSeconds(1);
        host.Rest.Map(InteractionPayloads.OriginalPath("slowdup"), _ => Testing.ScriptedResponse.Json("""{"id":"m1"}"""));
        var body = InteractionPayloads.Search("slowdup", "agents").ToJsonString();

        using var first = await host.PostSignedAsync(body);
        using var second = await host.PostSignedAsync(body);
        await host.Rest.WaitForRequestsAsync(1);

        Assert.Equal(5, JsonNode.Parse(await first.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        Assert.Equal(5, JsonNode.Parse(await second.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        Assert.Equal(1, host.Search.Calls);
        Assert.Single(host.Rest.Requests);
    }

    [Fact]
    public async Task Every_inline_answer_carries_allowed_mentions()
    {
        await using var host = await InteractionsEndpointHost.StartAsync();

        using var response = await host.PostSignedAsync(InteractionPayloads.Search("am", "graphs").ToJsonString());

        // https://discord.com/developers/docs/resources/message#allowed-mentions-object
        Assert.Empty(Testing.DiscordRestRules.CheckInteractionResponse(JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Without_a_public_key_the_endpoint_is_not_mapped()
    {
        await using var host = await InteractionsEndpointHost.StartAsync(withPublicKey: false);

        using var response = await host.PostSignedAsync("""{"type":1}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void A_public_key_that_is_not_64_hex_characters_fails_validation_naming_the_setting(string publicKey)
    {
        var result = new DiscordPublicKeyValidation().Validate(null, new DiscordOptions { PublicKey = publicKey, ApplicationId = "111" });

        Assert.True(result.Failed);
        Assert.Contains("Discord:PublicKey", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_without_an_application_id_fails_validation_naming_the_setting()
    {
        var result = new DiscordPublicKeyValidation().Validate(null, new DiscordOptions { PublicKey = new string('a', 64) });

        Assert.True(result.Failed);
        Assert.Contains("Discord:ApplicationId", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
    }
}
