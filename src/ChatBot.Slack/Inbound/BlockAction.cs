namespace ChatBot.Slack.Inbound;

/// <summary>One clicked element of a <c>block_actions</c> payload: its <c>action_id</c> and <c>value</c> (our command text).</summary>
internal sealed record BlockAction(string ActionId, string? Value);
