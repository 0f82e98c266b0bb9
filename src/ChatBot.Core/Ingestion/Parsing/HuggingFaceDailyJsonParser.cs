using System.Text.Json;
using ChatBot.Core.Json;
using ChatBot.Core.Papers;

namespace ChatBot.Core.Ingestion.Parsing;

/// <summary>Reads the JSON list of GET /api/daily_papers.</summary>
public static class HuggingFaceDailyJsonParser
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Reads each item of the array; an item without a title or a usable arXiv id is rejected with its
    /// 1-based index and the line where it starts. Invalid JSON is one rejection and no papers; an
    /// object such as <c>{"error":"..."}</c> is one rejection quoting the error. Never throws on bad content.
    /// </summary>
    public static ParseResult Parse(string content, string origin) => Parse(content, origin, Utf8Chunks.DefaultChunkBytes);

    /// <summary>As <see cref="Parse(string, string)"/>, encoding <paramref name="chunkBytes"/> at a time (tests use tiny chunks).</summary>
    internal static ParseResult Parse(string content, string origin, int chunkBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(origin);

        using var chunks = new Utf8Chunks(content, chunkBytes);
        try
        {
            return ReadDocument(chunks, origin);
        }
        catch (JsonException e)
        {
            int? line = e.LineNumber is { } zeroBased ? (int)Math.Min(zeroBased + 1, int.MaxValue) : null;
            return Rejected(origin, line, "invalid JSON: " + WithoutPosition(e.Message));
        }
    }

    /// <summary>
    /// Reads the document in blocks: the reader's state carries over from block to block, and an item
    /// that is not complete in the current block is read again once more text is encoded.
    /// </summary>
    private static ParseResult ReadDocument(Utf8Chunks chunks, string origin)
    {
        var state = new JsonReaderState(ReaderOptions);

        // The root: an array of items, or an object such as {"error": "..."}.
        while (true)
        {
            var reader = new Utf8JsonReader(chunks.Unread, chunks.IsFinalBlock, state);
            if (!reader.Read())
            {
                if (chunks.Refill())
                {
                    continue;
                }

                return Rejected(origin, null, "empty document");
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                chunks.Advance((int)reader.BytesConsumed);
                state = reader.CurrentState;
                break;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Rejected(origin, chunks.LineAt(reader.TokenStartIndex), $"expected a JSON array of daily papers, found {reader.TokenType}");
            }

            var rootLine = chunks.LineAt(reader.TokenStartIndex);
            if (JsonDocument.TryParseValue(ref reader, out var root))
            {
                using (root)
                {
                    return Rejected(origin, rootLine, DescribeObject(root.RootElement));
                }
            }

            chunks.Refill(); // the object goes on in text not yet encoded
        }

        var papers = new List<Paper>();
        var rejections = new List<Rejection>();
        var index = 0;
        var done = false;
        while (!done)
        {
            var reader = new Utf8JsonReader(chunks.Unread, chunks.IsFinalBlock, state);
            var line = chunks.Line;
            var counted = 0;
            var complete = reader.CurrentState;
            var completeBytes = 0L;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    done = true;
                    complete = reader.CurrentState;
                    completeBytes = reader.BytesConsumed;
                    break;
                }

                // Utf8JsonReader knows byte offsets, not lines: count the line breaks since the last item.
                var start = (int)reader.TokenStartIndex;
                line += chunks.Unread[counted..start].Count((byte)'\n');
                counted = start;

                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!JsonDocument.TryParseValue(ref reader, out var item))
                    {
                        break; // incomplete: read it again from its start after a refill
                    }

                    using (item)
                    {
                        index++;
                        if (ReadItem(item.RootElement, index, out var problem) is { } paper)
                        {
                            papers.Add(paper);
                        }
                        else
                        {
                            rejections.Add(new Rejection(origin, line, problem));
                        }
                    }
                }
                else
                {
                    if (!reader.TrySkip())
                    {
                        break;
                    }

                    index++;
                    rejections.Add(new Rejection(origin, line, $"item {index}: not an object but {reader.TokenType}"));
                }

                complete = reader.CurrentState;
                completeBytes = reader.BytesConsumed;
            }

            chunks.Advance((int)completeBytes);
            state = complete;
            if (!done && !chunks.Refill())
            {
                // The final block ended inside the array; the reader throws on it, so this is not reached.
                return Rejected(origin, chunks.Line, "invalid JSON: the array is not closed");
            }
        }

        // Only whitespace may follow the array; the reader throws on anything else.
        do
        {
            var reader = new Utf8JsonReader(chunks.Unread, chunks.IsFinalBlock, state);
            while (reader.Read())
            {
            }

            chunks.Advance((int)reader.BytesConsumed);
            state = reader.CurrentState;
        }
        while (chunks.Refill());

        return new ParseResult(papers, rejections);
    }

    private static Paper? ReadItem(JsonElement item, int index, out string problem)
    {
        // Each item wraps the paper; a bare paper (as /api/papers lists them) is read the same way.
        var paper = JsonFields.OptionalObject(item, "paper") ?? item;

        var rawId = paper.TryGetProperty("id", out var idValue)
            ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString(),
                JsonValueKind.Number => idValue.GetRawText(), // 2507.10520 keeps its trailing zero
                _ => null,
            }
            : null;

        if (string.IsNullOrWhiteSpace(rawId))
        {
            problem = $"item {index}: no paper id";
            return null;
        }

        if (!ArxivId.TryNormalize(rawId, out var arxivId))
        {
            problem = $"item {index}: paper id \"{Excerpt.Of(rawId)}\" is not an arXiv id";
            return null;
        }

        var title = FoldedText(paper, "title") ?? FoldedText(item, "title");
        if (title is null)
        {
            problem = $"item {index} ({arxivId}): no title";
            return null;
        }

        problem = "";
        return new Paper
        {
            Id = PaperId.FromArxiv(arxivId),
            ArxivId = arxivId,
            Title = title,
            Abstract = FoldedText(paper, "summary") ?? FoldedText(item, "summary") ?? "",
            Authors = Folded(JsonFields.Strings(paper, "authors", nameProperty: "name")),
            PublishedAt = Timestamps.ParseIso(JsonFields.OptionalString(paper, "publishedAt")),
            ListedAt = Timestamps.ParseIso(JsonFields.OptionalString(item, "publishedAt"))
                ?? Timestamps.ParseIso(JsonFields.OptionalString(paper, "submittedOnDailyAt")),
            Upvotes = JsonFields.OptionalInt32(paper, "upvotes"),
            Comments = JsonFields.OptionalInt32(item, "numComments"),
            Links = new PaperLinks(
                Arxiv: ArxivId.AbstractUrl(arxivId),
                HuggingFace: new Uri($"https://huggingface.co/papers/{arxivId}"),
                Code: WebLinks.HttpOrNull(JsonFields.OptionalString(paper, "githubRepo")),
                Project: WebLinks.HttpOrNull(JsonFields.OptionalString(paper, "projectPage"))),
            Summary = FoldedText(paper, "ai_summary"),
            Keywords = Folded(JsonFields.Strings(paper, "ai_keywords")).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            GithubStars = JsonFields.OptionalInt32(paper, "githubStars"),
            Withdrawn = JsonFields.IsPresent(paper, "withdrawnAt"),
            Sources = [PaperSources.HuggingFace],
        };
    }

    /// <summary>A non-blank string, with whitespace folded; otherwise null.</summary>
    private static string? FoldedText(JsonElement parent, string name) =>
        JsonFields.OptionalString(parent, name) is { } text && TextFolding.Fold(text) is { Length: > 0 } folded ? folded : null;

    private static List<string> Folded(List<string> texts) => texts.ConvertAll(TextFolding.Fold);

    private static string DescribeObject(JsonElement root)
    {
        if (root.TryGetProperty("error", out var error))
        {
            var message = error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText();
            return $"Hugging Face returned an error: \"{Excerpt.Of(message, Excerpt.MessageLength)}\"";
        }

        return "expected a JSON array of daily papers, found an object";
    }

    /// <summary>System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 5." (0-based); the rejection carries the line.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static ParseResult Rejected(string origin, int? line, string reason) => new([], [new Rejection(origin, line, reason)]);
}
