using ChatBot.Core.Papers;
using LiteDB;

namespace ChatBot.Storage.Papers;

/// <summary>
/// Maps <see cref="Paper"/> to and from BSON by hand: Core stays free of LiteDB attributes, and
/// times are stored as UTC ticks so a round trip is exact (LiteDB's own DateTime keeps milliseconds,
/// which would make every re-import look like a change).
/// </summary>
internal static class PaperDocumentMapper
{
    public const string TitleKeyField = "TitleKey";
    public const string ArxivIdField = "ArxivId";
    public const string SequenceField = "Sequence";
    public const string PublishedField = "Published";
    public const string SourcesField = "Sources";
    public const string RevisionField = "Revision";
    public const string FreshField = "Fresh";

    public static BsonDocument ToDocument(Paper paper)
    {
        var document = new BsonDocument
        {
            ["_id"] = paper.Id.Value,
            [ArxivIdField] = paper.ArxivId is null ? BsonValue.Null : new BsonValue(paper.ArxivId),
            [TitleKeyField] = TitleKey.From(paper.Title),
            ["Title"] = paper.Title,
            ["Abstract"] = paper.Abstract,
            ["Authors"] = new BsonArray(paper.Authors.Select(a => new BsonValue(a))),
            ["AuthorCount"] = Nullable(paper.AuthorCount),
            [PublishedField] = Ticks(paper.PublishedAt),
            ["Listed"] = Ticks(paper.ListedAt),
            ["Upvotes"] = Nullable(paper.Upvotes),
            ["Comments"] = Nullable(paper.Comments),
            ["Links"] = new BsonDocument
            {
                ["Arxiv"] = Url(paper.Links.Arxiv),
                ["HuggingFace"] = Url(paper.Links.HuggingFace),
                ["Code"] = Url(paper.Links.Code),
                ["Project"] = Url(paper.Links.Project),
            },
            ["Keywords"] = new BsonArray(paper.Keywords.Select(k => new BsonValue(k))),
            ["Summary"] = paper.Summary is null ? BsonValue.Null : new BsonValue(paper.Summary),
            ["GithubStars"] = Nullable(paper.GithubStars),
            ["Withdrawn"] = paper.Withdrawn,
            [SourcesField] = new BsonArray(paper.Sources.Select(s => new BsonValue(s))),
            ["FirstSeen"] = paper.FirstSeen.UtcTicks,
            ["LastUpdated"] = paper.LastUpdated.UtcTicks,
            [SequenceField] = paper.Sequence,
            [RevisionField] = paper.Revision,
            [FreshField] = paper.FreshAt.UtcTicks,
            ["UpvoteHistory"] = new BsonArray(paper.UpvoteHistory.Select(s => new BsonDocument
            {
                ["At"] = s.At.UtcTicks,
                ["Upvotes"] = s.Upvotes,
            })),
        };
        return document;
    }

    public static Paper FromDocument(BsonDocument document)
    {
        var links = document["Links"].AsDocument;
        return new Paper
        {
            Id = PaperId.Parse(document["_id"].AsString),
            ArxivId = NullableString(document[ArxivIdField]),
            Title = document["Title"].AsString,
            Abstract = document["Abstract"].AsString ?? "",
            Authors = Strings(document["Authors"]),
            AuthorCount = NullableInt(document["AuthorCount"]),
            PublishedAt = FromTicks(document[PublishedField]),
            ListedAt = FromTicks(document["Listed"]),
            Upvotes = NullableInt(document["Upvotes"]),
            Comments = NullableInt(document["Comments"]),
            Links = new PaperLinks(
                ToUrl(links["Arxiv"]),
                ToUrl(links["HuggingFace"]),
                ToUrl(links["Code"]),
                ToUrl(links["Project"])),
            Keywords = Strings(document["Keywords"]),
            Summary = NullableString(document["Summary"]),
            GithubStars = NullableInt(document["GithubStars"]),
            Withdrawn = document["Withdrawn"].AsBoolean,
            Sources = Strings(document[SourcesField]),
            FirstSeen = new DateTimeOffset(document["FirstSeen"].AsInt64, TimeSpan.Zero),
            LastUpdated = new DateTimeOffset(document["LastUpdated"].AsInt64, TimeSpan.Zero),
            Sequence = document[SequenceField].AsInt64,
            // Databases written before revisions existed have none: 0 makes the index catch up on them.
            Revision = document[RevisionField].IsNumber ? document[RevisionField].AsInt64 : 0,
            UpvoteHistory = [.. document["UpvoteHistory"].AsArray.Select(v => new UpvoteSnapshot(
                new DateTimeOffset(v["At"].AsInt64, TimeSpan.Zero), v["Upvotes"].AsInt32))],
        };
    }

    public static DateTimeOffset? FromTicks(BsonValue value) =>
        value.IsNull ? null : new DateTimeOffset(value.AsInt64, TimeSpan.Zero);

    private static BsonValue Nullable(int? value) => value is { } v ? new BsonValue(v) : BsonValue.Null;

    private static BsonValue Ticks(DateTimeOffset? value) => value is { } v ? new BsonValue(v.UtcTicks) : BsonValue.Null;

    private static BsonValue Url(Uri? url) => url is null ? BsonValue.Null : new BsonValue(url.OriginalString);

    private static Uri? ToUrl(BsonValue value) =>
        value.IsString && Uri.TryCreate(value.AsString, UriKind.Absolute, out var url) ? url : null;

    private static int? NullableInt(BsonValue value) => value.IsNumber ? value.AsInt32 : null;

    private static string? NullableString(BsonValue value) => value.IsString ? value.AsString : null;

    private static string[] Strings(BsonValue value) =>
        value.IsArray ? [.. value.AsArray.Where(v => v.IsString).Select(v => v.AsString)] : [];
}
