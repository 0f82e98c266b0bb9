using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Rest;

/// <summary>
/// The REST fake records each documented rule a request breaks, so a message without
/// <c>allowed_mentions</c> (or over Discord's limits) fails the tests even though the fake's scripted
/// answer accepted it. https://discord.com/developers/docs/resources/message#allowed-mentions-object,
/// #create-message, #embed-object-embed-limits.
/// </summary>
public sealed class FakeDiscordRestApiTests
{
    private const string Fine = """{"content":"hi","embeds":[],"components":[],"allowed_mentions":{"parse":[]}}""";
    private const string NoMentions = """{"content":"hi","embeds":[],"components":[]}""";

    [Theory]
    [InlineData("POST", "channels/1/messages", NoMentions)]
    [InlineData("PATCH", "webhooks/111/tok/messages/@original", NoMentions)]
    [InlineData("POST", "webhooks/111/tok", NoMentions)]
    [InlineData("POST", "interactions/9/tok/callback", """{"type":4,"data":""" + NoMentions + "}")]
    [InlineData("POST", "channels/1/threads", """{"name":"t","auto_archive_duration":1440,"message":""" + NoMentions + "}")]
    public async Task A_message_without_allowed_mentions_is_a_protocol_violation(string method, string path, string body)
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.ExpectViolations = true;

        await SendAsync(discord, method, path, body);

        var violation = Assert.Single(discord.ProtocolViolations);
        Assert.Contains("allowed_mentions", violation, StringComparison.Ordinal);
        Assert.DoesNotContain("tok", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"content":"x","allowed_mentions":{"parse":["users"],"users":["1"]}}""", "mutually exclusive")]
    [InlineData("""{"content":"x","allowed_mentions":{"parse":["here"]}}""", "users, roles or everyone")]
    [InlineData("""{"allowed_mentions":{"parse":[]}}""", "empty message")]
    [InlineData("""{"content":"x","flags":64,"allowed_mentions":{"parse":[]}}""", "EPHEMERAL")]
    [InlineData("""{"embeds":[{"title":"x","fields":[{"name":"n","value":"v"}]},{},{},{},{},{},{},{},{},{},{}],"allowed_mentions":{"parse":[]}}""", "11 embeds")]
    public async Task A_channel_message_Discord_would_refuse_is_a_protocol_violation(string body, string expected)
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.ExpectViolations = true;

        await SendAsync(discord, "POST", "channels/1/messages", body);

        Assert.Contains(discord.ProtocolViolations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_as_documented_is_no_violation()
    {
        await using var discord = await FakeDiscordRest.StartAsync();

        await SendAsync(discord, "POST", "channels/1/messages", Fine);
        await SendAsync(discord, "POST", "interactions/9/tok/callback", """{"type":5,"data":{"flags":64}}""");

        Assert.Empty(discord.ProtocolViolations);
    }

    [Fact]
    public async Task A_bot_call_without_the_bot_token_is_a_protocol_violation()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.ExpectViolations = true;

        await SendAsync(discord, "POST", "channels/1/messages", Fine, authorize: false);

        Assert.Contains(discord.ProtocolViolations, v => v.Contains("Authorization", StringComparison.Ordinal));
    }

    // Required options first: https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure
    [Fact]
    public async Task The_command_registry_refuses_a_put_that_breaks_a_documented_rule_with_50035()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.ExpectViolations = true;
        const string commands = """
            [{"name":"papers","type":1,"description":"d","options":[
              {"type":3,"name":"later","description":"d"},{"type":3,"name":"first","description":"d","required":true}]}]
            """;

        var (status, answer) = await SendAsync(discord, "PUT", $"applications/{FakeDiscordRest.ApplicationId}/commands", commands);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("50035", answer, StringComparison.Ordinal);
        Assert.Contains(discord.ProtocolViolations, v => v.Contains("required but comes after an optional", StringComparison.Ordinal));
        Assert.Empty(discord.Commands.Registered());
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(FakeDiscordRest discord, string method, string path, string body, bool authorize = true)
    {
        discord.Server.Map(FakeDiscordRest.Api(path), _ => FakeDiscordRest.Message("1", "1"));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(discord.Server.BaseAddress, FakeDiscordRest.Api(path)))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.com, 1.0)");
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", "x");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
