using ChatBot.Core.Chat;
using ChatBot.Discord.Rest;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private static readonly MessagePayload Hello = new() { Content = "hello" };

    [Fact]
    public async Task Bot_calls_carry_the_bot_token_and_the_discord_user_agent()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/42/messages"), FakeDiscordRest.Message("900", "42"));

        var posted = await discord.Client.CreateMessageAsync("42", Hello, CancellationToken.None);

        var request = Assert.Single(discord.Server.Requests);
        Assert.Equal(new PostedMessage("42", "900"), posted);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"Bot {FakeDiscordRest.Token}", request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (https://github.com/chatbot-papers/chatbot, ", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_callbacks_and_webhook_edits_do_not_carry_the_bot_token()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("interactions/5/interaction-token/callback"), ScriptedResponse.Status(204));
        discord.Server.Enqueue(
            FakeDiscordRest.Api($"webhooks/{FakeDiscordRest.ApplicationId}/interaction-token/messages/@original"),
            FakeDiscordRest.Message("901", "42"));

        await discord.Client.RespondToInteractionAsync("5", "interaction-token", InteractionCallback.Defer(ephemeral: true), CancellationToken.None);
        await discord.Client.EditOriginalResponseAsync("interaction-token", Hello, CancellationToken.None);

        Assert.Collection(
            discord.Server.Requests,
            callback =>
            {
                Assert.Equal("POST", callback.Method);
                Assert.Equal("""{"type":5,"data":{"flags":64}}""", callback.Body);
            },
            edit => Assert.Equal("PATCH", edit.Method));
        Assert.All(discord.Server.Requests, request =>
        {
            Assert.Null(request.Header("Authorization"));
            Assert.DoesNotContain(request.Headers.Values, value => value.Contains(FakeDiscordRest.Token, StringComparison.Ordinal));
            Assert.StartsWith("DiscordBot (", request.Header("User-Agent"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Missing_permissions_is_a_permanent_failure_with_discords_code()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/42/messages"), FakeDiscordRest.Error(403, 50013, "Missing Permissions"));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => discord.Client.CreateMessageAsync("42", Hello, CancellationToken.None));

        Assert.Equal("discord", failure.Platform);
        Assert.Equal("50013", failure.Code);
        Assert.True(failure.IsPermanent);
        Assert.False(failure.IsUndeliverableToUser);
        Assert.Contains("Missing Permissions", failure.Message, StringComparison.Ordinal);
        Assert.Single(discord.Server.Requests);
    }

    [Fact]
    public async Task Field_errors_of_an_invalid_form_body_are_in_the_message()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(
            FakeDiscordRest.Api("channels/42/messages"),
            ScriptedResponse.Json(
                """{"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 256 or fewer in length."}]}}}}}""",
                400));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => discord.Client.CreateMessageAsync("42", Hello, CancellationToken.None));

        Assert.Equal("50035", failure.Code);
        Assert.Contains("embeds.0.title: Must be 256 or fewer in length.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_failure_message_or_log_contains_the_bot_token_or_an_interaction_token()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        const string interactionToken = "secret-interaction-token";
        discord.Server.Enqueue(
            FakeDiscordRest.Api($"webhooks/{FakeDiscordRest.ApplicationId}/{interactionToken}/messages/@original"),
            FakeDiscordRest.Error(404, 10015, "Unknown Webhook"));
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/42/messages"), FakeDiscordRest.Error(401, 0, "401: Unauthorized"));

        var webhook = await Assert.ThrowsAsync<ChatPlatformException>(() => discord.Client.EditOriginalResponseAsync(interactionToken, Hello, CancellationToken.None));
        var bot = await Assert.ThrowsAsync<ChatPlatformException>(() => discord.Client.CreateMessageAsync("42", Hello, CancellationToken.None));

        Assert.Equal("10015", webhook.Code);
        Assert.Contains("/webhooks/{application_id}/{token}/messages/@original", webhook.Message, StringComparison.Ordinal);
        foreach (var text in new[] { webhook.Message, bot.Message }.Concat(discord.Logger.Entries.Select(e => e.Message)))
        {
            Assert.DoesNotContain(interactionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeDiscordRest.Token, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Gateway_bot_info_is_read_from_get_gateway_bot()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(
            FakeDiscordRest.Api("gateway/bot"),
            ScriptedResponse.Json("""{"url":"wss://gateway.discord.gg","shards":2,"session_start_limit":{"total":1000,"remaining":998,"reset_after":3600000,"max_concurrency":1}}"""));

        var info = await discord.Client.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal(new GatewayBotInfo(new Uri("wss://gateway.discord.gg"), 2, 998, TimeSpan.FromHours(1), 1), info);
        Assert.Equal("GET", Assert.Single(discord.Server.Requests).Method);
    }

    [Fact]
    public async Task The_bot_user_and_its_application_are_read_with_the_bot_token()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("users/@me"), ScriptedResponse.Json("""{"id":"222","username":"Papers","discriminator":"0","bot":true}"""));
        discord.Server.Enqueue(FakeDiscordRest.Api("oauth2/applications/@me"), ScriptedResponse.Json("""{"id":"111","name":"Papers app","bot_public":true}"""));

        var user = await discord.Client.GetCurrentUserAsync(CancellationToken.None);
        var application = await discord.Client.GetApplicationInfoAsync(CancellationToken.None);

        Assert.Equal(new CurrentUser("222", "Papers", IsBot: true), user);
        Assert.Equal(new ApplicationInfo("111", "Papers app"), application);
        Assert.Collection(
            discord.Server.Requests,
            me => Assert.Equal(("GET", "/api/v10/users/@me"), (me.Method, me.Path)),
            app => Assert.Equal(("GET", "/api/v10/oauth2/applications/@me"), (app.Method, app.Path)));
        Assert.All(discord.Server.Requests, request => Assert.Equal($"Bot {FakeDiscordRest.Token}", request.Header("Authorization")));
    }

    [Fact]
    public async Task A_401_to_a_bot_call_is_a_rejected_credential_and_a_403_is_not()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("users/@me"), FakeDiscordRest.Error(401, 0, "401: Unauthorized"));
        discord.Server.Enqueue(FakeDiscordRest.Api("oauth2/applications/@me"), FakeDiscordRest.Error(403, 50001, "Missing Access"));

        var rejected = await Assert.ThrowsAsync<ChatPlatformException>(() => discord.Client.GetCurrentUserAsync(CancellationToken.None));
        var forbidden = await Assert.ThrowsAsync<ChatPlatformException>(() => discord.Client.GetApplicationInfoAsync(CancellationToken.None));

        Assert.Equal((true, true), (rejected.IsCredentialRejected, rejected.IsPermanent));
        Assert.False(forbidden.IsCredentialRejected);
        Assert.Equal(2, discord.Server.Requests.Count); // a refused token is not retried
        Assert.DoesNotContain(FakeDiscordRest.Token, rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://discord.com/api/v10")]
    [InlineData("https://discord.com/api/v10/")]
    public void The_api_root_joins_with_a_path_with_or_without_a_trailing_slash(string root)
    {
        Assert.Equal(
            "https://discord.com/api/v10/channels/1/messages",
            DiscordRestClient.Join(new Uri(root), "/channels/1/messages").AbsoluteUri);
    }
}
