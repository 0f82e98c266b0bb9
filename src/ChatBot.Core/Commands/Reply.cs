namespace ChatBot.Core.Commands;

/// <summary>
/// What a command answers, independent of any platform: a heading, text, paper cards and
/// buttons. Text here is plain (no markup); each platform escapes and formats it.
/// </summary>
public sealed record Reply
{
    /// <summary>The label of the button for <see cref="NextPage"/>.</summary>
    public const string MoreResultsLabel = "More results";

    /// <summary>A short first line (<c>Search: diffusion — 42 papers</c>); may be null.</summary>
    public string? Title { get; init; }

    /// <summary>Paragraphs of plain text shown before the cards.</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    public IReadOnlyList<PaperCard> Papers { get; init; } = [];

    /// <summary>A line shown after the cards (paging position, hints).</summary>
    public string? Footer { get; init; }

    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];

    /// <summary>
    /// The command (text grammar) that shows the next page of this reply, or null when there is none. Every
    /// platform offers it the same way: a <see cref="MoreResultsLabel"/> button after <see cref="Actions"/>, and
    /// <c>more</c> in the console.
    /// </summary>
    public string? NextPage { get; init; }

    /// <summary>What the platforms render as buttons: <see cref="Actions"/>, then "More results" for <see cref="NextPage"/>.</summary>
    public IReadOnlyList<ReplyAction> Buttons =>
        NextPage is { Length: > 0 } next ? [.. Actions, new ReplyAction(MoreResultsLabel, next)] : Actions;

    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.Channel;

    /// <summary>True when the reply reports a problem (bad input, unknown paper, internal failure).</summary>
    public bool IsError { get; init; }

    /// <summary>
    /// One plain line that says what the message is, for where a platform shows no rich content: notifications
    /// and screen readers (Slack's top-level <c>text</c>). Null: <see cref="NotificationText"/> picks a default.
    /// </summary>
    public string? Notification { get; init; }

    /// <summary>
    /// What notifications and screen readers get: <see cref="Notification"/>, else the <see cref="Title"/>, else
    /// the paper's title for a one-paper reply, else the first paragraph, else a count of the papers.
    /// </summary>
    public string NotificationText =>
        Notification is { Length: > 0 } notification ? notification
        : Title is { Length: > 0 } title ? title
        : Papers.Count == 1 && !string.IsNullOrWhiteSpace(Papers[0].Paper.Title) ? Papers[0].Paper.Title
        : Text.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))
            ?? (Papers.Count > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Papers.Count} papers") : "");

    public static Reply Message(string text, ReplyVisibility visibility = ReplyVisibility.Channel) =>
        new() { Text = [text], Visibility = visibility };

    /// <summary>A problem the user can fix; shown only to them.</summary>
    public static Reply Error(string text) =>
        new() { Text = [text], Visibility = ReplyVisibility.Private, IsError = true };
}
