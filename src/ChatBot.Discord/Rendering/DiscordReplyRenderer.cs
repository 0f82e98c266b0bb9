using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Rendering;

/// <summary>
/// A <see cref="Reply"/> as a Discord message: the title and text as content (or a header embed
/// when longer than content allows), one embed per paper, <see cref="Reply.Buttons"/> (the actions,
/// then "More results") as buttons. Every Discord limit (PROTOCOLS.md §1.6) is met by cutting text
/// with an ellipsis or leaving later papers out, never by failing; text is escaped so paper titles
/// cannot format or ping, and mentions are disabled anyway. Buttons get their <c>custom_id</c> from the
/// host's <see cref="DiscordActionIds"/>.
/// </summary>
internal sealed class DiscordReplyRenderer(DiscordActionIds actionIds)
{
    public const int MaxContentLength = 2000;
    public const int MaxEmbeds = 10;
    public const int MaxEmbedTitleLength = 256;
    public const int MaxEmbedDescriptionLength = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldNameLength = 256;
    public const int MaxFieldValueLength = 1024;
    public const int MaxFooterLength = 2048;
    public const int MaxTotalEmbedLength = 6000;
    public const int MaxActionRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxButtonLabelLength = 80;

    /// <summary>A brief card's abstract excerpt when it has no context line.</summary>
    private const int BriefAbstractLength = 300;

    /// <summary>Below this much description per card, later cards are left out rather than all cut to nothing.</summary>
    private const int MinDescriptionLength = 200;

    private const int NotShownNoteReserve = 32;
    private const int MaxTrailerReserve = 300;
    private const int MaxAuthorsInFull = 20;
    private const int PaperColor = 0xFFD21E;
    private const int ErrorColor = 0xED4245;
    private const string LinkSeparator = " \u00B7 ";

    public MessagePayload Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var drafts = new List<EmbedDraft>();
        var content = Header(reply);
        if (content is not null && content.Length > MaxContentLength)
        {
            drafts.Add(HeaderEmbed(reply));
            content = null;
        }

        var cards = reply.Papers.Take(MaxEmbeds - drafts.Count).Select(Card).ToList();
        drafts.AddRange(cards);
        var notShown = reply.Papers.Count - cards.Count + FitTotalLength(drafts, TrailerReserve(reply));
        content = AddTrailer(reply, drafts, content, notShown);

        return new MessagePayload
        {
            Content = content is null && drafts.Count == 0 ? "\u200B" : content,
            Embeds = [.. drafts.Select(d => d.ToEmbed())],
            Components = Buttons(reply.Buttons),
            AllowedMentions = AllowedMentions.None,
            Flags = reply.Visibility == ReplyVisibility.Private ? MessagePayload.EphemeralFlag : 0,
        };
    }

    private static string? Header(Reply reply)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            parts.Add("**" + DiscordMarkdown.Text(PaperText.CollapseWhitespace(reply.Title)) + "**");
        }

        var text = string.Join("\n\n", reply.Text.Where(t => !string.IsNullOrWhiteSpace(t)).Select(DiscordMarkdown.Text));
        if (text.Length > 0)
        {
            parts.Add(text);
        }

        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    private static EmbedDraft HeaderEmbed(Reply reply) => new()
    {
        Title = string.IsNullOrWhiteSpace(reply.Title)
            ? null
            : DiscordMarkdown.Truncate(DiscordMarkdown.Text(PaperText.CollapseWhitespace(reply.Title)), MaxEmbedTitleLength),
        Description = DiscordMarkdown.Truncate(
            string.Join("\n\n", reply.Text.Where(t => !string.IsNullOrWhiteSpace(t)).Select(DiscordMarkdown.Text)),
            MaxEmbedDescriptionLength),
        Color = reply.IsError ? ErrorColor : null,
    };

    private static EmbedDraft Card(PaperCard card)
    {
        var paper = card.Paper;
        var full = card.Detail == CardDetail.Full;
        var rank = card.Rank is { } number ? $"{number}. " : "";
        var draft = new EmbedDraft
        {
            Title = DiscordMarkdown.Truncate(rank + DiscordMarkdown.Text(PaperText.CollapseWhitespace(paper.Title)), MaxEmbedTitleLength),
            Url = PaperText.PrimaryLink(paper)?.AbsoluteUri,
            Color = PaperColor,
            Footer = paper.ArxivId is { } arxivId ? $"arXiv {arxivId}" : null,
        };

        var description = full
            ? FirstText(paper.Abstract, paper.Summary, card.Context) is { } text ? PaperText.Fold(text, MaxEmbedDescriptionLength) : null
            : FirstText(card.Context) ?? (FirstText(paper.Abstract) is { } summary ? PaperText.Fold(summary, BriefAbstractLength) : null);
        draft.Description = description is null
            ? null
            : DiscordMarkdown.Truncate(DiscordMarkdown.Text(description), MaxEmbedDescriptionLength);

        AddField(draft, "Authors", PaperText.Authors(paper, full ? MaxAuthorsInFull : 3), inline: !full);
        AddField(draft, "Date", PaperText.KnownDate(paper), inline: true);
        AddField(draft, "Upvotes", PaperText.Upvotes(paper), inline: true);
        if (full)
        {
            AddField(draft, "Keywords", paper.Keywords.Count == 0 ? null : string.Join(", ", paper.Keywords), inline: false);
            if (Links(paper) is { } links)
            {
                draft.Fields.Add(new EmbedField("Links", links));
            }
        }

        return draft;
    }

    private static void AddField(EmbedDraft draft, string name, string? plainValue, bool inline)
    {
        if (!string.IsNullOrWhiteSpace(plainValue) && draft.Fields.Count < MaxFields)
        {
            draft.Fields.Add(new EmbedField(
                DiscordMarkdown.Truncate(name, MaxFieldNameLength),
                DiscordMarkdown.Truncate(DiscordMarkdown.Text(PaperText.CollapseWhitespace(plainValue)), MaxFieldValueLength),
                inline));
        }
    }

    /// <summary><c>[arXiv](…) · [Hugging Face](…)</c>, as many whole links as fit in a field.</summary>
    private static string? Links(Paper paper)
    {
        var value = "";
        foreach (var (label, url) in PaperText.AllLinks(paper))
        {
            var link = $"[{label}]({url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})";
            var next = value.Length == 0 ? link : value + LinkSeparator + link;
            if (next.Length > MaxFieldValueLength)
            {
                break;
            }

            value = next;
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// Keeps the embeds' combined text within 6000 characters: leaves out the last cards while even
    /// short descriptions would not fit, then shares what is left fairly among the descriptions (a
    /// short one keeps its length, long ones are cut to the same share). Returns the cards left out.
    /// </summary>
    private static int FitTotalLength(List<EmbedDraft> drafts, int reserve)
    {
        var left = 0;
        while (drafts.Count > 1
            && drafts.Sum(d => d.FixedLength + Math.Min(d.Description?.Length ?? 0, MinDescriptionLength)) > MaxTotalEmbedLength - reserve)
        {
            drafts.RemoveAt(drafts.Count - 1);
            left++;
        }

        // One embed alone can still exceed (huge fields): drop its fields from the end, then cut its title.
        var only = drafts.Count == 1 ? drafts[0] : null;
        while (only is not null && only.FixedLength > MaxTotalEmbedLength && only.Fields.Count > 0)
        {
            only.Fields.RemoveAt(only.Fields.Count - 1);
        }

        if (only is { Title: { } title } && only.FixedLength > MaxTotalEmbedLength)
        {
            only.Title = DiscordMarkdown.Truncate(title, Math.Max(1, title.Length - (only.FixedLength - MaxTotalEmbedLength)));
        }

        var budget = MaxTotalEmbedLength - reserve - drafts.Sum(d => d.FixedLength);
        if (drafts.Sum(d => d.Description?.Length ?? 0) <= budget)
        {
            return left;
        }

        var byLength = drafts.Where(d => d.Description is not null).OrderBy(d => d.Description!.Length).ToList();
        for (var i = 0; i < byLength.Count; i++)
        {
            var draft = byLength[i];
            var share = Math.Max(0, budget) / (byLength.Count - i);
            if (draft.Description!.Length > share)
            {
                draft.Description = share < 2 ? null : DiscordMarkdown.Truncate(draft.Description, share);
            }

            budget -= draft.Description?.Length ?? 0;
        }

        return left;
    }

    /// <summary>Room kept for the footer line and a "3 more papers not shown" note under the last embed.</summary>
    private static int TrailerReserve(Reply reply) =>
        reply.Papers.Count == 0 ? 0 : Math.Min(MaxTrailerReserve, (reply.Footer?.Length ?? 0) + NotShownNoteReserve);

    /// <summary>The reply's footer and a note on papers left out: under the last embed when it fits, else in the content.</summary>
    private static string? AddTrailer(Reply reply, List<EmbedDraft> drafts, string? content, int notShown)
    {
        var lines = new List<string>();
        if (notShown > 0)
        {
            lines.Add(notShown == 1 ? "1 more paper not shown." : $"{notShown} more papers not shown.");
        }

        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            lines.Add(PaperText.CollapseWhitespace(reply.Footer));
        }

        if (lines.Count == 0)
        {
            return content;
        }

        if (drafts.Count > 0)
        {
            // Footers show no markdown and cannot mention anyone: plain text is right there.
            var last = drafts[^1];
            var footer = DiscordMarkdown.Truncate(string.Join('\n', [.. last.Footer is null ? [] : new[] { last.Footer }, .. lines]), MaxFooterLength);
            var grows = footer.Length - (last.Footer?.Length ?? 0);
            if (drafts.Sum(d => d.Length) + grows <= MaxTotalEmbedLength)
            {
                last.Footer = footer;
                return content;
            }
        }

        var trailer = string.Join('\n', lines.Select(line => "*" + DiscordMarkdown.Text(line) + "*"));
        return DiscordMarkdown.Truncate(content is null ? trailer : content + "\n\n" + trailer, MaxContentLength);
    }

    private List<ActionRow> Buttons(IReadOnlyList<ReplyAction> actions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buttons = new List<Button>();
        foreach (var action in actions)
        {
            if (string.IsNullOrWhiteSpace(action.Command) || buttons.Count == MaxActionRows * MaxButtonsPerRow)
            {
                continue;
            }

            var customId = actionIds.For(action.Command);
            if (!seen.Add(customId))
            {
                continue;
            }

            var label = PaperText.CollapseWhitespace(action.Label ?? "");
            buttons.Add(new Button
            {
                Style = 2,
                Label = DiscordMarkdown.Truncate(label.Length > 0 ? label : PaperText.CollapseWhitespace(action.Command), MaxButtonLabelLength),
                CustomId = customId,
            });
        }

        return [.. buttons.Chunk(MaxButtonsPerRow).Select(row => new ActionRow(row))];
    }

    private static string? FirstText(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
