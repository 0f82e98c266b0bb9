namespace ChatBot.Core.Commands;

/// <summary>
/// A button under a reply. Clicking it runs <see cref="Command"/>, a command in the text grammar
/// (<c>/papers search diffusion --page 2</c>), as the person who clicked.
/// </summary>
public sealed record ReplyAction(string Label, string Command);
