using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Discord.Rest;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Rest;

/// <summary>
/// A call whose answer never came (a timeout) or was a 5xx may have been acted on. It is sent again only when
/// Discord cannot act on it twice (<c>RetrySafety</c>): a message carries a nonce with enforce_nonce, which Discord
/// checks ("if another message was created by the same author with the same nonce, that message will be returned",
/// https://discord.com/developers/docs/resources/message#create-message); a forum post takes no nonce, so it is not.
/// </summary>
public sealed class DiscordUnknownOutcomeTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly MessagePayload Hello = new() { Content = "hello" };
    private static readonly string ChannelOne = FakeDiscordRest.Api("channels/1/messages");
    private static readonly string ForumThreads = FakeDiscordRest.Api("channels/7/threads");

    [Fact]
    public async Task A_message_whose_answer_timed_out_is_sent_again_with_its_nonce_and_Discord_returns_the_one_message()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock, attemptTimeout: AttemptTimeout);
        var created = new List<(string Nonce, string Id)>();
        discord.Server.Map("POST", ChannelOne, async (request, aborted) =>
        {
            // Discord as documented: with enforce_nonce, a known nonce returns the message it created.
            using var body = JsonDocument.Parse(request.Body);
            var nonce = body.RootElement.GetProperty("nonce").GetString()!;
            var enforce = body.RootElement.GetProperty("enforce_nonce").GetBoolean();
            string id;
            bool first;
            lock (created)
            {
                var known = created.FindIndex(m => m.Nonce == nonce);
                first = !(enforce && known >= 0);
                id = first ? (10 + created.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : created[known].Id;
                if (first)
                {
                    created.Add((nonce, id));
                }
            }

            if (created.Count == 1 && first)
            {
                // Posted, but the answer never reaches the client.
                await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
            }

            return FakeDiscordRest.Message(id, "1");
        });

        var posting = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var backoff = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
        clock.Advance(backoff);
        var posted = await posting;

        var sent = discord.Server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].GetProperty("nonce").GetString(), sent[1].GetProperty("nonce").GetString());
        Assert.All(sent, body => Assert.True(body.GetProperty("enforce_nonce").GetBoolean()));
        var message = Assert.Single(created);
        Assert.Equal(new PostedMessage("1", message.Id), posted);
    }

    [Fact]
    public async Task Different_messages_carry_different_nonces_and_the_same_message_sent_again_the_same_one()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Map(ChannelOne, _ => FakeDiscordRest.Message("10", "1"));
        discord.Server.Map(FakeDiscordRest.Api("channels/2/messages"), _ => FakeDiscordRest.Message("20", "2"));

        await discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        await discord.Client.CreateMessageAsync("1", Hello with { Content = "hello again" }, CancellationToken.None);
        await discord.Client.CreateMessageAsync("2", Hello, CancellationToken.None);
        // A restarted worker resending a message it could not confirm: Discord returns the first instead of posting it twice.
        await discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);

        var nonces = discord.Server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(3, nonces.Take(3).Distinct().Count());
        Assert.Equal(nonces[0], nonces[3]);
    }

    [Fact]
    public async Task Starting_a_thread_on_a_message_that_already_has_one_returns_that_thread()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        // A thread started from a message has the message's id, and a message has at most one
        // (https://discord.com/developers/docs/resources/channel#start-thread-from-message).
        discord.Server.Map(
            FakeDiscordRest.Api("channels/1/messages/m1/threads"),
            _ => FakeDiscordRest.Error(400, 160004, "A thread has already been created for this message"));

        var thread = await discord.Client.StartThreadFromMessageAsync("1", "m1", "Papers", CancellationToken.None);

        Assert.Equal("m1", thread);
        Assert.Single(discord.Server.Requests);
    }

    [Fact]
    public async Task A_forum_post_whose_answer_timed_out_is_not_sent_again_and_fails_as_a_transient_error()
    {
        await using var discord = await FakeDiscordRest.StartAsync(attemptTimeout: AttemptTimeout);
        discord.Server.Map("POST", ForumThreads, async (_, aborted) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
            return ScriptedResponse.Status(500);
        });

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(
            () => discord.Client.StartForumThreadAsync("7", "Papers", Hello, CancellationToken.None));

        Assert.Equal(("network", false), (failure.Code, failure.IsPermanent));
        Assert.Single(discord.Server.Requests);
    }

    [Fact]
    public async Task A_forum_post_answered_with_a_server_error_is_not_sent_again()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Map(ForumThreads, _ => ScriptedResponse.Status(502, "Bad Gateway"));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(
            () => discord.Client.StartForumThreadAsync("7", "Papers", Hello, CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Single(discord.Server.Requests);
    }
}
