using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Rendering;

public sealed class DiscordReplyRendererTests
{
    private readonly DiscordActionIds _actionIds = new();
    private readonly DiscordReplyRenderer _renderer;

    public DiscordReplyRendererTests() => _renderer = new DiscordReplyRenderer(_actionIds);

    [Fact]
    public void A_huge_reply_is_cut_to_fit_every_discord_limit()
    {
        var cards = Enumerable.Range(1, 12).Select(i => new PaperCard(HugePaper(i), CardDetail.Full) { Rank = i }).ToList();
        var reply = new Reply
        {
            Title = new string('T', 3000),
            Text = [new string('x', 1500), new string('y', 1500)],
            Papers = cards,
            Footer = "Page 1 of 40 " + new string('f', 3000),
            Actions = [.. Enumerable.Range(1, 30).Select(i => new ReplyAction(new string('L', 200) + i, $"/papers search diffusion --page {i}"))],
        };

        var payload = _renderer.Render(reply);
        var json = JsonNode.Parse(JsonSerializer.Serialize(payload))!;

        Assert.True((payload.Content?.Length ?? 0) <= 2000);
        var embeds = json["embeds"]!.AsArray();
        Assert.InRange(embeds.Count, 2, 10);
        var total = 0;
        foreach (var embed in embeds)
        {
            var title = Text(embed!["title"]);
            var description = Text(embed["description"]);
            var footer = Text(embed["footer"]?["text"]);
            Assert.True(title.Length <= 256, $"title {title.Length}");
            Assert.True(description.Length <= 4096, $"description {description.Length}");
            Assert.True(footer.Length <= 2048, $"footer {footer.Length}");
            var fields = embed["fields"]?.AsArray() ?? [];
            Assert.True(fields.Count <= 25);
            foreach (var field in fields)
            {
                Assert.InRange(Text(field!["name"]).Length, 1, 256);
                Assert.InRange(Text(field["value"]).Length, 1, 1024);
                total += Text(field["name"]).Length + Text(field["value"]).Length;
            }

            total += title.Length + description.Length + footer.Length;
        }

        Assert.True(total <= 6000, $"total embed text {total}");
        var rows = json["components"]!.AsArray();
        Assert.True(rows.Count <= 5);
        var buttons = rows.SelectMany(row => row!["components"]!.AsArray()).ToList();
        Assert.All(rows, row => Assert.InRange(row!["components"]!.AsArray().Count, 1, 5));
        Assert.Equal(25, buttons.Count);
        Assert.All(buttons, button =>
        {
            Assert.InRange(Text(button!["label"]).Length, 1, 80);
            Assert.InRange(Text(button["custom_id"]).Length, 1, 100);
        });
        Assert.Equal(buttons.Count, buttons.Select(b => Text(b!["custom_id"])).Distinct().Count());
        Assert.Contains("…", Text(embeds[1]!["title"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_full_cards_with_long_abstracts_share_the_6000_characters()
    {
        var reply = new Reply
        {
            Title = "Trending",
            Papers = [.. Enumerable.Range(1, 10).Select(i => new PaperCard(TestPapers.Arxiv($"2501.{i:00000}", $"Paper {i}", upvotes: i) with
            {
                Abstract = string.Join(' ', Enumerable.Repeat("Long abstract sentence about diffusion.", 130)),
                Authors = ["Ada Lovelace", "Alan Turing"],
            }, CardDetail.Full))],
        };

        var payload = _renderer.Render(reply);

        Assert.True(EmbedLength(payload) <= 6000);
        Assert.True(payload.Embeds.Count >= 5, $"only {payload.Embeds.Count} cards shown");
        Assert.All(payload.Embeds, e => Assert.EndsWith("…", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Mentions_in_a_title_do_not_ping_anyone()
    {
        const string title = "@everyone look <@123> <@&456> <#789> @here";
        var reply = new Reply { Title = title, Text = ["ping <@!42>"], Papers = [new PaperCard(TestPapers.Titled(title), CardDetail.Brief)] };

        var payload = _renderer.Render(reply);
        var json = JsonSerializer.Serialize(payload);
        var node = JsonNode.Parse(json)!;

        Assert.Empty(node["allowed_mentions"]!["parse"]!.AsArray());
        var texts = new[] { payload.Content!, payload.Embeds[0].Title!, payload.Embeds[0].Description! };
        foreach (var text in texts)
        {
            foreach (var mention in new[] { "@everyone", "@here", "<@123>", "<@&456>", "<#789>", "<@!42>" })
            {
                Assert.DoesNotContain(mention, text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("@\u200Beveryone", payload.Embeds[0].Title, StringComparison.Ordinal);
        Assert.Contains("<\u200B@123>", payload.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_in_a_paper_title_is_escaped()
    {
        var paper = TestPapers.Arxiv("2106.04554", "**Bold** _claims_ about `code`, ~~strikes~~ and ||spoilers||");

        var payload = _renderer.Render(new Reply { Papers = [new PaperCard(paper, CardDetail.Brief)] });

        Assert.Equal(@"\*\*Bold\*\* \_claims\_ about \`code\`, \~\~strikes\~\~ and \|\|spoilers\|\|", payload.Embeds[0].Title);
        Assert.Equal("https://huggingface.co/papers/2106.04554", payload.Embeds[0].Url);
    }

    [Fact]
    public void Quotes_and_headings_are_escaped_only_at_the_start_of_a_line()
    {
        Assert.Equal("\\# Title\n\\> quote a > b #1", DiscordMarkdown.Escape("# Title\n> quote a > b #1"));
    }

    [Fact]
    public void A_private_reply_is_ephemeral_and_a_channel_reply_is_not()
    {
        var privateReply = _renderer.Render(Reply.Error("Unknown paper"));
        var channelReply = _renderer.Render(Reply.Message("Hello"));

        Assert.Equal(64, privateReply.Flags);
        Assert.Equal(64, JsonNode.Parse(JsonSerializer.Serialize(privateReply))!["flags"]!.GetValue<int>());
        Assert.Null(JsonNode.Parse(JsonSerializer.Serialize(channelReply))!["flags"]);
    }

    [Fact]
    public void A_more_results_action_is_a_secondary_button_whose_custom_id_resolves_to_its_command()
    {
        var reply = new Reply
        {
            Papers = [new PaperCard(TestPapers.Arxiv("2106.04554", "A paper"), CardDetail.Brief)],
            Actions = [new ReplyAction("More results", "/papers search diffusion --page 2")],
        };

        var payload = _renderer.Render(reply);

        var button = Assert.Single(Assert.Single(payload.Components).Components);
        Assert.Equal("More results", button.Label);
        Assert.Equal(2, button.Style);
        Assert.True(_actionIds.TryResolve(button.CustomId!, out var command));
        Assert.Equal("/papers search diffusion --page 2", command);
    }

    [Fact]
    public void A_next_page_is_a_More_results_button_after_the_other_actions_whose_custom_id_resolves_to_it()
    {
        var reply = new Reply
        {
            Papers = [new PaperCard(TestPapers.Arxiv("2106.04554", "A paper"), CardDetail.Brief)],
            Actions = [new ReplyAction("Similar papers", "/papers similar 2106.04554")],
            NextPage = "/papers search diffusion --limit 5 --page 2",
        };

        var payload = _renderer.Render(reply);

        var buttons = Assert.Single(payload.Components).Components;
        Assert.Equal(["Similar papers", "More results"], buttons.Select(b => b.Label));
        Assert.True(_actionIds.TryResolve(buttons[1].CustomId!, out var command));
        Assert.Equal("/papers search diffusion --limit 5 --page 2", command);
    }

    [Fact]
    public void A_command_longer_than_100_characters_round_trips_through_the_cache()
    {
        var longCommand = "/papers search " + string.Join(' ', Enumerable.Repeat("\"graph neural networks\"", 8)) + " --page 3";
        Assert.True(longCommand.Length > 100);

        var payload = _renderer.Render(new Reply { Text = ["results"], Actions = [new ReplyAction("Next", longCommand)] });

        var customId = payload.Components[0].Components[0].CustomId!;
        Assert.StartsWith("cmd:", customId, StringComparison.Ordinal);
        Assert.True(customId.Length <= 100);
        Assert.True(_actionIds.TryResolve(customId, out var command));
        Assert.Equal(longCommand, command);
        Assert.False(_actionIds.TryResolve("cmd:neverissued0000", out _));
    }

    [Fact]
    public void The_action_cache_evicts_the_oldest_command_beyond_its_capacity()
    {
        var cache = new ActionCommandCache(2);
        var first = cache.Add("one");
        var second = cache.Add("two");
        var third = cache.Add("three");

        Assert.False(cache.TryGet(first, out _));
        Assert.True(cache.TryGet(second, out var two));
        Assert.True(cache.TryGet(third, out _));
        Assert.Equal("two", two);
    }

    [Fact]
    public void A_brief_card_shows_authors_date_upvotes_and_its_context()
    {
        var paper = TestPapers.Arxiv("2106.04554", "Attention", upvotes: 42) with
        {
            Authors = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"],
            PublishedAt = new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero),
        };

        var embed = Assert.Single(_renderer.Render(new Reply { Papers = [new PaperCard(paper, CardDetail.Brief, "matched *diffusion*") { Rank = 3 }] }).Embeds);

        Assert.Equal("3. Attention", embed.Title);
        Assert.Equal(@"matched \*diffusion\*", embed.Description);
        Assert.Equal(
            [("Authors", "Ada Lovelace, Alan Turing, Grace Hopper and 1 more"), ("Date", "2025-07-15"), ("Upvotes", "42 upvotes")],
            embed.Fields!.Select(f => (f.Name, f.Value)));
        Assert.Equal("arXiv 2106.04554", embed.Footer!.Text);
    }

    [Fact]
    public void A_full_card_lists_every_link()
    {
        var paper = TestPapers.Arxiv("2106.04554", "Attention") with { Links = new PaperLinks(Code: new Uri("https://github.com/x/y")) };

        var embed = Assert.Single(_renderer.Render(new Reply { Papers = [new PaperCard(paper, CardDetail.Full)] }).Embeds);

        var links = Assert.Single(embed.Fields!, f => f.Name == "Links").Value;
        Assert.Equal(
            "[arXiv](https://arxiv.org/abs/2106.04554) · [Hugging Face](https://huggingface.co/papers/2106.04554) · [Code](https://github.com/x/y)",
            links);
    }

    [Fact]
    public void The_reply_footer_and_papers_left_out_are_noted_under_the_last_card()
    {
        var reply = new Reply
        {
            Title = "Search: diffusion",
            Papers = [.. Enumerable.Range(1, 12).Select(i => new PaperCard(TestPapers.Arxiv($"2501.{i:00000}", $"Paper {i}"), CardDetail.Brief))],
            Footer = "Page 1 of 3",
        };

        var payload = _renderer.Render(reply);

        Assert.Equal(10, payload.Embeds.Count);
        Assert.Equal("arXiv 2501.00010\n2 more papers not shown.\nPage 1 of 3", payload.Embeds[^1].Footer!.Text);
        Assert.Equal("**Search: diffusion**", payload.Content);
    }

    [Fact]
    public void Text_too_long_for_content_becomes_a_header_embed()
    {
        var reply = new Reply { Title = "Commands", Text = [new string('h', 1500), new string('i', 1500)] };

        var payload = _renderer.Render(reply);

        Assert.Null(payload.Content);
        var header = Assert.Single(payload.Embeds);
        Assert.Equal("Commands", header.Title);
        Assert.Equal(3002, header.Description!.Length);
    }

    private static Paper HugePaper(int i) => TestPapers.Arxiv($"2501.{i:00000}", "Title *with* markdown " + new string('t', 600), upvotes: i) with
    {
        Abstract = new string('a', 5000),
        Authors = [.. Enumerable.Range(0, 60).Select(a => $"Author_{a} " + new string('n', 40))],
        Keywords = [.. Enumerable.Range(0, 200).Select(k => $"keyword{k}")],
        PublishedAt = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero),
        Links = new PaperLinks(Code: new Uri("https://github.com/example/" + new string('r', 900))),
    };

    private static int EmbedLength(MessagePayload payload) => payload.Embeds.Sum(e =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0)
        + (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0));

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
