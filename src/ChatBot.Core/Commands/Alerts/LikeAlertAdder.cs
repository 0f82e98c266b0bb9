using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Commands.Papers;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Commands.Alerts;

/// <summary>
/// <c>/alerts add like:&lt;paper&gt;</c>: an alert that sends new papers close in meaning to a paper, with the preview a
/// keyword alert gets (what it would have caught in the last 7 days). Refused, saying why, when search by meaning is
/// off or could not load: the alert could never match.
/// </summary>
internal sealed class LikeAlertAdder(
    IAlertStore store,
    IPaperStore papers,
    ISearchIndex index,
    SemanticSearch semantic,
    ITextEmbedder embedder,
    IOptions<AlertOptions> options,
    TimeProvider clock)
{
    private const int PreviewCount = 3;

    /// <summary>More than a week brings; the preview counts the close ones among them.</summary>
    private const int PreviewDepth = 2000;

    public async Task<Reply> AddAsync(CommandRequest request, string reference, CancellationToken cancellationToken)
    {
        if (reference.Length == 0)
        {
            return Reply.Error("Name a paper after like:, e.g. /alerts add like:2106.04554 or like:https://huggingface.co/papers/2106.04554.");
        }

        var status = await embedder.EnsureLoadedAsync(cancellationToken);
        if (!status.IsAvailable)
        {
            var why = status.State == EmbedderState.Disabled
                ? "search by meaning is turned off on this bot"
                : $"search by meaning is unavailable here ({status.Reason ?? "the model did not load"})";
            return Reply.Error($"Alerts by example compare papers by meaning, and {why}. Alert on words instead: /alerts add <words>.");
        }

        var paper = await PaperLookup.FindAsync(papers, reference, cancellationToken);
        var now = clock.GetUtcNow();
        var alert = await store.TryAddAsync(
            new Alert
            {
                Platform = request.Caller.Platform,
                UserId = request.Caller.User.Id,
                Query = LikeReference.Prefix + paper.Id.Value,
                Like = paper.Id,
                CreatedAt = now,
            },
            AlertLimits.MaxAlertsPerUser,
            cancellationToken);
        if (alert is null)
        {
            return Reply.Error($"You have {AlertLimits.MaxAlertsPerUser} alerts, the most one person can have. Remove one first (/alerts list, then /alerts remove <id>).");
        }

        var (summary, top) = await PreviewAsync(paper, now, cancellationToken);
        return new Reply
        {
            Title = $"Alert {alert.Id} added: papers like \u201c{LatexText.ToPlain(paper.Title)}\u201d",
            Text = ["New papers close to it in meaning will come to you by direct message.", summary],
            Papers = [.. top.Select((p, i) => new PaperCard(p, CardDetail.Brief) { Rank = i + 1 })],
            Visibility = ReplyVisibility.Private,
        };
    }

    // The papers of the last 7 days the alert would have sent: as close to the paper as the alert requires.
    private async Task<(string Summary, IReadOnlyList<Paper> Top)> PreviewAsync(Paper paper, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastWeek = await index.FilterAsync(SearchQuery.Empty with { Since = DateBound.Before(AlertLimits.PreviewWindow) }, now, cancellationToken);
        var near = await semantic.SimilarAsync(paper.Id, PreviewDepth, lastWeek is null ? null : lastWeek.Contains, cancellationToken);
        if (near is null)
        {
            return ("The paper has no vector yet (it was just added); papers will be compared with it once it has one, within a minute.", []);
        }

        var threshold = options.Value.LikeThreshold;
        var close = near.Where(h => h.Score >= threshold).ToList();
        var top = close.Count == 0 ? [] : await papers.FindManyAsync([.. close.Take(PreviewCount).Select(h => h.Id)], cancellationToken);
        var summary = close.Count switch
        {
            0 => "It would not have matched any paper of the last 7 days.",
            1 => "It would have matched 1 paper of the last 7 days:",
            _ => string.Create(CultureInfo.InvariantCulture, $"It would have matched {close.Count} papers of the last 7 days; the closest {Math.Min(PreviewCount, close.Count)}:"),
        };
        return (summary, top);
    }
}
