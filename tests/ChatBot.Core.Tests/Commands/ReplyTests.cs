using ChatBot.Core.Commands;

namespace ChatBot.Core.Tests.Commands;

public sealed class ReplyTests
{
    [Fact]
    public void A_next_page_is_offered_as_a_More_results_button_after_the_other_actions()
    {
        var reply = new Reply
        {
            Actions = [new ReplyAction("Similar papers", "/papers similar 2501.00001")],
            NextPage = "/papers search diffusion --limit 5 --page 2",
        };

        Assert.Equal(
            [new ReplyAction("Similar papers", "/papers similar 2501.00001"), new ReplyAction(Reply.MoreResultsLabel, "/papers search diffusion --limit 5 --page 2")],
            reply.Buttons);
        Assert.Equal("More results", Reply.MoreResultsLabel);
    }

    [Fact]
    public void Without_a_next_page_the_buttons_are_the_actions()
    {
        var reply = new Reply { Actions = [new ReplyAction("Similar papers", "/papers similar 2501.00001")] };

        Assert.Equal(reply.Actions, reply.Buttons);
    }
}
