using System.Text.Json;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using ChatBot.Testing;

namespace ChatBot.Slack.Tests.Rendering;

public sealed class SlackReplyRendererTests
{
    [Fact]
    public void A_reply_of_twenty_full_cards_with_huge_abstracts_stays_within_every_Block_Kit_limit()
    {
        var abstractText = string.Concat(Enumerable.Repeat("Diffusion <models> & transformers scale. ", 125));
        var cards = Enumerable.Range(1, 20)
            .Select(i => new PaperCard(
                TestPapers.Arxiv($"2501.{i:00000}", new string('T', 400) + " <!channel>", upvotes: i) with { Abstract = abstractText, Summary = abstractText },
                CardDetail.Full,
                Context: abstractText) { Rank = i })
            .ToList();
        var reply = new Reply
        {
            Title = new string('H', 400),
            Text = [new string('&', 5000), "second paragraph"],
            Papers = cards,
            Footer = new string('f', 5000),
            Actions = [.. Enumerable.Range(0, 30).Select(i => new ReplyAction(new string('L', 100), "/papers search x --page " + i)), new ReplyAction("Too long", new string('x', 2500))],
        };

        var message = SlackReplyRenderer.Render(reply);

        // Slack's documented numbers, not our constants (a wrong constant must fail here):
        // https://api.slack.com/reference/block-kit/blocks — up to 50 blocks per message; header text ≤ 150;
        // section text ≤ 3000; context ≤ 10 elements; actions ≤ 25 elements;
        // https://api.slack.com/reference/block-kit/block-elements#button — text ≤ 75, action_id ≤ 255,
        // value ≤ 2000, url ≤ 3000; https://api.slack.com/methods/chat.postMessage — text ≤ 40,000.
        Assert.True(message.Blocks.Count <= 50, $"{message.Blocks.Count} blocks");
        Assert.All(message.Blocks.OfType<HeaderBlock>(), h => Assert.True(h.Text.Text.Length <= 150));
        Assert.All(message.Blocks.OfType<SectionBlock>(), s => Assert.True(s.Text.Text.Length <= 3000, $"section of {s.Text.Text.Length}"));
        Assert.All(message.Blocks.OfType<ContextBlock>(), c => Assert.True(c.Elements.Count <= 10));
        Assert.All(message.Blocks.OfType<ContextBlock>().SelectMany(c => c.Elements), e => Assert.True(e.Text.Length <= 3000));
        var buttons = message.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Elements).ToList();
        Assert.All(message.Blocks.OfType<ActionsBlock>(), a => Assert.True(a.Elements.Count <= 25));
        Assert.All(buttons, b => Assert.True(b.Text.Text.Length <= 75 && b.ActionId.Length <= 255 && b.Value.Length <= 2000));
        Assert.Equal(buttons.Count, buttons.Select(b => b.ActionId).Distinct().Count());
        Assert.True(message.Text.Length <= 40_000);
        Assert.Equal(20, message.Blocks.OfType<SectionBlock>().Count(s => s.Text.Text.Contains("huggingface.co/papers/2501.", StringComparison.Ordinal)));
        Assert.Empty(Violations(message));
    }

    [Fact]
    public void Cards_that_do_not_fit_in_fifty_blocks_are_counted_instead_of_failing()
    {
        var reply = new Reply
        {
            Title = "Many",
            Papers = [.. Enumerable.Range(1, 40).Select(i => new PaperCard(TestPapers.Arxiv($"2501.{i:00000}", $"Paper {i}", upvotes: i), CardDetail.Brief))],
            Footer = "Page 1",
            Actions = [new ReplyAction("More results", "/papers search x --page 2")],
        };

        var message = SlackReplyRenderer.Render(reply);

        Assert.Equal(50, message.Blocks.Count); // Slack's limit: up to 50 blocks per message (https://api.slack.com/reference/block-kit/blocks)
        Assert.Equal(23, message.Blocks.OfType<SectionBlock>().Count());
        Assert.Contains(message.Blocks, b => b is ContextBlock c && c.Elements[0].Text == "17 more not shown.");
        Assert.IsType<ActionsBlock>(message.Blocks[^1]);
        Assert.Equal("Page 1", Assert.IsType<ContextBlock>(message.Blocks[^2]).Elements[0].Text);
    }

    [Fact]
    public void Mentions_and_ampersands_in_a_title_are_escaped_so_Slack_shows_them_as_text()
    {
        var paper = TestPapers.Arxiv("2501.00001", "Ping <!channel> and <!here> <!everyone> <@U123> & friends > all", upvotes: 3) with
        {
            Authors = ["<@U999>", "A & B"],
        };
        var reply = new Reply { Title = "<!here> results", Text = ["You asked for <@U123>"], Papers = [new PaperCard(paper, CardDetail.Brief, "Context <!channel>")] };

        var message = SlackReplyRenderer.Render(reply);

        var json = JsonSerializer.Serialize(message.Blocks, SlackJson.Options) + message.Text;
        foreach (var mention in new[] { "<!channel>", "<!here>", "<!everyone>", "<@U123>", "<@U999>" })
        {
            Assert.DoesNotContain(mention, json.Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var card = message.Blocks.OfType<SectionBlock>().Single(s => s.Text.Text.Contains("Ping", StringComparison.Ordinal)).Text.Text;
        Assert.Contains("Ping &lt;!channel&gt; and &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt; &amp; friends &gt; all", card, StringComparison.Ordinal);
        Assert.Contains("<https://huggingface.co/papers/2501.00001|", card, StringComparison.Ordinal);
        Assert.Contains(message.Blocks, b => b is ContextBlock c && c.Elements[0].Text.Contains("&lt;@U999&gt;, A &amp; B", StringComparison.Ordinal));
        Assert.Equal("\u2039!here\u203a results", message.Blocks.OfType<HeaderBlock>().Single().Text.Text);
        Assert.Equal("&lt;!here&gt; results", message.Text);
    }

    [Fact]
    public void Blocks_serialize_with_their_type_and_buttons_carry_the_command_as_value()
    {
        var reply = new Reply { Title = "Search", Papers = [new PaperCard(TestPapers.Arxiv("2501.00002", "A paper"), CardDetail.Brief)], Actions = [new ReplyAction("More results", "/papers search diffusion --page 2")] };

        var json = JsonSerializer.Serialize(SlackReplyRenderer.Render(reply).Blocks, SlackJson.Options);

        using var document = JsonDocument.Parse(json);
        var types = document.RootElement.EnumerateArray().Select(b => b.GetProperty("type").GetString()).ToList();
        Assert.Equal(["header", "section", "context", "actions"], types);
        var button = document.RootElement[3].GetProperty("elements")[0];
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("cmd-0", button.GetProperty("action_id").GetString());
        Assert.Equal("/papers search diffusion --page 2", button.GetProperty("value").GetString());
        Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
    }

    [Fact]
    public void A_next_page_is_a_More_results_button_after_the_other_actions_carrying_its_command()
    {
        var reply = new Reply
        {
            Papers = [new PaperCard(TestPapers.Arxiv("2501.00002", "A paper"), CardDetail.Brief)],
            Actions = [new ReplyAction("Similar papers", "/papers similar 2501.00002")],
            NextPage = "/papers search diffusion --limit 5 --page 2",
        };

        var buttons = SlackReplyRenderer.Render(reply).Blocks.OfType<ActionsBlock>().Single().Elements;

        Assert.Equal(["Similar papers", "More results"], buttons.Select(b => b.Text.Text));
        Assert.Equal("/papers search diffusion --limit 5 --page 2", buttons[1].Value);
    }

    [Fact]
    public void Private_replies_render_as_ephemeral_and_escaping_never_cuts_an_entity_in_half()
    {
        var message = SlackReplyRenderer.Render(Reply.Error(new string('<', 2000)));

        Assert.True(message.Ephemeral);
        var text = message.Blocks.OfType<SectionBlock>().Single().Text.Text;
        Assert.True(text.Length <= 3000);
        Assert.Matches("^:warning: (&lt;)+\u2026$", text);
    }

    [Fact]
    public void A_paper_without_a_link_shows_its_title_in_bold()
    {
        var paper = TestPapers.Titled("Local <b> notes");

        var message = SlackReplyRenderer.Render(new Reply { Papers = [new PaperCard(paper, CardDetail.Brief)] });

        Assert.Equal("*Local &lt;b&gt; notes*", message.Blocks.OfType<SectionBlock>().Single().Text.Text);
        Assert.Equal("Local &lt;b&gt; notes", message.Text);
        Assert.Null(PaperText.PrimaryLink(paper));
    }

    [Fact]
    public void The_notification_text_says_what_the_message_is()
    {
        // With blocks, chat.postMessage's text "will be used as fallback text for notifications only", and screen
        // readers read it instead of the blocks (https://api.slack.com/methods/chat.postMessage, "text"; mobile
        // notifications use only message.text: https://docs.slack.dev/changelog/2026/07/13/notification-changes).
        var paper = TestPapers.Arxiv("2501.00007", "Sparse  mixtures\nof experts", upvotes: 9);
        var onePaper = new Reply { Papers = [new PaperCard(paper, CardDetail.Brief) { Rank = 1 }], Footer = "+9 upvotes today" };
        var titled = new Reply { Title = "12 papers for \u201cdiffusion\u201d", Papers = [new PaperCard(paper, CardDetail.Brief)] };
        var told = new Reply { Title = "2 new papers for your alerts", Notification = "New papers for your alert \u201cdiffusion\u201d", Papers = [new PaperCard(paper, CardDetail.Brief)] };
        var twoUntitled = new Reply { Papers = [new PaperCard(paper, CardDetail.Brief), new PaperCard(TestPapers.Arxiv("2501.00008", "Other"), CardDetail.Brief)] };

        Assert.Equal("Sparse mixtures of experts", SlackReplyRenderer.Render(onePaper).Text);
        Assert.Equal("12 papers for \u201cdiffusion\u201d", SlackReplyRenderer.Render(titled).Text);
        Assert.Equal("New papers for your alert \u201cdiffusion\u201d", SlackReplyRenderer.Render(told).Text);
        Assert.Equal("2 papers", SlackReplyRenderer.Render(twoUntitled).Text);
        Assert.Equal("ChatBot", SlackReplyRenderer.Render(new Reply()).Text);
    }

    /// <summary>What the Slack Web API fake would report for this message posted with chat.postMessage.</summary>
    private static List<string> Violations(SlackMessage message)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new PostMessageRequest("C1", message.Text, message.Blocks), SlackJson.Options));
        return [.. SlackMessageRules.Check("rendered", json.RootElement, requireText: true)];
    }
}
