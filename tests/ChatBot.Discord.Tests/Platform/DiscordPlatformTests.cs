using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Platform;

public sealed class DiscordPlatformTests
{
    [Fact]
    public async Task A_thread_in_a_text_channel_is_a_message_and_then_a_thread_on_it()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/10"), ScriptedResponse.Json("""{"id":"10","type":0}"""));
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/10/messages"), FakeDiscordRest.Message("500", "10"));
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/10/messages/500/threads"), ScriptedResponse.Json("""{"id":"700","type":11}"""));

        var thread = await discord.Platform.StartThreadAsync("10", Reply.Message("Today's papers"), "Papers for 2026-07-01", CancellationToken.None);

        Assert.Equal(new ThreadRef("10", "500", "700"), thread);
        var requests = discord.Server.Requests;
        Assert.Equal(
            ["GET /api/v10/channels/10", "POST /api/v10/channels/10/messages", "POST /api/v10/channels/10/messages/500/threads"],
            requests.Select(r => $"{r.Method} {r.Path}"));
        var threadBody = JsonNode.Parse(requests[2].Body)!;
        Assert.Equal("Papers for 2026-07-01", threadBody["name"]!.GetValue<string>());
        Assert.Equal(1440, threadBody["auto_archive_duration"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_thread_in_a_forum_channel_is_one_forum_post()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/20"), ScriptedResponse.Json("""{"id":"20","type":15}"""));
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/20/threads"), ScriptedResponse.Json("""{"id":"800","type":11,"message":{"id":"800","channel_id":"800"}}"""));

        var thread = await discord.Platform.StartThreadAsync("20", Reply.Message("Today's papers"), new string('n', 150), CancellationToken.None);

        Assert.Equal(new ThreadRef("20", "800", "800"), thread);
        var post = Assert.Single(discord.Server.Requests, r => r.Method == "POST");
        Assert.Equal("/api/v10/channels/20/threads", post.Path);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal(100, body["name"]!.GetValue<string>().Length);
        Assert.Equal("Today's papers", body["message"]!["content"]!.GetValue<string>());
        Assert.Equal(2, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task Replies_in_a_thread_are_posted_to_the_thread_channel()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/700/messages"), FakeDiscordRest.Message("501", "700"));

        var posted = await discord.Platform.ReplyInThreadAsync(new ThreadRef("10", "500", "700"), Reply.Message("one paper"), CancellationToken.None);

        Assert.Equal(new PostedMessage("700", "501"), posted);
    }

    [Fact]
    public async Task Direct_messages_open_the_dm_channel_once_per_user()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Map("POST", FakeDiscordRest.Api("users/@me/channels"), (request, _) =>
            Task.FromResult(ScriptedResponse.Json($$"""{"id":"dm-{{JsonNode.Parse(request.Body)!["recipient_id"]}}","type":1}""")));
        discord.Server.Map(FakeDiscordRest.Api("channels/dm-u1/messages"), _ => FakeDiscordRest.Message("1", "dm-u1"));
        discord.Server.Map(FakeDiscordRest.Api("channels/dm-u2/messages"), _ => FakeDiscordRest.Message("2", "dm-u2"));

        await discord.Platform.SendDirectMessageAsync("u1", Reply.Message("new papers"), CancellationToken.None);
        await discord.Platform.SendDirectMessageAsync("u1", Reply.Message("more papers"), CancellationToken.None);
        var other = await discord.Platform.SendDirectMessageAsync("u2", Reply.Message("new papers"), CancellationToken.None);

        Assert.Equal("dm-u2", other.ChannelId);
        Assert.Equal(2, discord.Server.Requests.Count(r => r.Path == FakeDiscordRest.Api("users/@me/channels")));
        Assert.Equal(2, discord.Server.Requests.Count(r => r.Path == FakeDiscordRest.Api("channels/dm-u1/messages")));
    }

    [Fact]
    public async Task A_user_who_cannot_be_sent_a_dm_is_reported_as_undeliverable()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("users/@me/channels"), ScriptedResponse.Json("""{"id":"dm-1","type":1}"""));
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/dm-1/messages"), FakeDiscordRest.Error(403, 50007, "Cannot send messages to this user"));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(
            () => discord.Platform.SendDirectMessageAsync("u1", Reply.Message("new papers"), CancellationToken.None));

        Assert.True(failure.IsUndeliverableToUser);
        Assert.True(failure.IsPermanent);
        Assert.Equal("50007", failure.Code);
    }

    [Fact]
    public async Task Messages_posted_to_a_channel_are_never_ephemeral()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/10/messages"), FakeDiscordRest.Message("1", "10"));

        await discord.Platform.PostMessageAsync("10", Reply.Message("only you", ReplyVisibility.Private), CancellationToken.None);

        Assert.Null(JsonNode.Parse(Assert.Single(discord.Server.Requests).Body)!["flags"]);
    }

    // A push notification shows a message's content, or the first embed's title when it has none
    // (https://discord.com/developers/docs/resources/message#create-message): an alert DM whose
    // content is only "3 new papers for your alerts" would notify with a count and nothing to read.
    [Fact]
    public async Task A_direct_message_about_papers_names_the_first_paper_in_its_content()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Map(FakeDiscordRest.Api("users/@me/channels"), _ => ScriptedResponse.Json("""{"id":"dm-1","type":1}"""));
        discord.Server.Map(FakeDiscordRest.Api("channels/dm-1/messages"), _ => FakeDiscordRest.Message("1", "dm-1"));
        var reply = new Reply
        {
            Title = "3 new papers for your alerts",
            Papers = [.. new[] { "Quantum annealing for protein folding", "Second paper", "Third paper" }
                .Select((title, i) => new PaperCard(TestPapers.Titled(title), CardDetail.Brief) { Rank = i + 1 })],
            Visibility = ReplyVisibility.Private,
        };

        await discord.Platform.SendDirectMessageAsync("u1", reply, CancellationToken.None);

        var content = JsonNode.Parse(discord.Server.Requests[^1].Body)!["content"]!.GetValue<string>();
        Assert.StartsWith("**3 new papers for your alerts**", content, StringComparison.Ordinal);
        Assert.Contains("Quantum annealing for protein folding, and 2 more", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thread_reply_of_one_paper_keeps_the_paper_title_as_its_embed_title_and_no_content()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        discord.Server.Enqueue(FakeDiscordRest.Api("channels/700/messages"), FakeDiscordRest.Message("501", "700"));
        var reply = new Reply { Papers = [new PaperCard(TestPapers.Titled("Quantum annealing for protein folding"), CardDetail.Brief) { Rank = 1 }] };

        await discord.Platform.ReplyInThreadAsync(new ThreadRef("10", "500", "700"), reply, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(discord.Server.Requests).Body)!;
        Assert.Null(body["content"]);
        Assert.Equal("1. Quantum annealing for protein folding", body["embeds"]![0]!["title"]!.GetValue<string>());
    }
}
