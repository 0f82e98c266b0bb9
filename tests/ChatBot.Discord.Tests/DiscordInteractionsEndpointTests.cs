using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Discord.Interactions;
using NSec.Cryptography;

namespace ChatBot.Discord.Tests;

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

        using var response = await host.PostSignedAsync(Interactions.Search("h1", "graphs").ToJsonString());

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
        host.Rest.Map(Interactions.OriginalPath("h2"), _ => Testing.ScriptedResponse.Json("""{"id":"m1"}"""));

        using var response = await host.PostSignedAsync(Interactions.Search("h2", "agents").ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var edit = Assert.Single(await host.Rest.WaitForRequestsAsync(1));

        Assert.Equal(5, body["type"]!.GetValue<int>());
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal(Interactions.OriginalPath("h2"), edit.Path);
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
        var body = Interactions.Search("h3", "x").ToJsonString();

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
