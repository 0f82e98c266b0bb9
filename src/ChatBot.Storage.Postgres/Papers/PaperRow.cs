using ChatBot.Core.Papers;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Papers;

/// <summary>
/// Maps <see cref="Paper"/> to and from a row of <c>papers</c>: times as UTC ticks (exact round trips, as LiteDB's
/// mapper keeps them), the upvote snapshots as two arrays of one length.
/// </summary>
internal static class PaperRow
{
    public const string Columns =
        "id, arxiv_id, title, abstract, authors, author_count, published_ticks, listed_ticks, upvotes, comments, " +
        "link_arxiv, link_hugging_face, link_code, link_project, keywords, summary, github_stars, withdrawn, sources, " +
        "first_seen_ticks, last_updated_ticks, sequence, revision, upvote_ticks, upvote_counts";

    /// <summary>Inserts the paper, or overwrites the row of the same id with it.</summary>
    public const string Upsert = """
        INSERT INTO papers (id, arxiv_id, title_key, title, abstract, authors, author_count, published_ticks, listed_ticks,
                            upvotes, comments, link_arxiv, link_hugging_face, link_code, link_project, keywords, summary,
                            github_stars, withdrawn, sources, first_seen_ticks, last_updated_ticks, sequence, revision,
                            fresh_ticks, upvote_ticks, upvote_counts)
        VALUES (@id, @arxiv_id, @title_key, @title, @abstract, @authors, @author_count, @published, @listed,
                @upvotes, @comments, @link_arxiv, @link_hf, @link_code, @link_project, @keywords, @summary,
                @github_stars, @withdrawn, @sources, @first_seen, @last_updated, @sequence, @revision,
                @fresh, @upvote_ticks, @upvote_counts)
        ON CONFLICT (id) DO UPDATE SET
            arxiv_id = excluded.arxiv_id, title_key = excluded.title_key, title = excluded.title, abstract = excluded.abstract,
            authors = excluded.authors, author_count = excluded.author_count, published_ticks = excluded.published_ticks,
            listed_ticks = excluded.listed_ticks, upvotes = excluded.upvotes, comments = excluded.comments,
            link_arxiv = excluded.link_arxiv, link_hugging_face = excluded.link_hugging_face, link_code = excluded.link_code,
            link_project = excluded.link_project, keywords = excluded.keywords, summary = excluded.summary,
            github_stars = excluded.github_stars, withdrawn = excluded.withdrawn, sources = excluded.sources,
            first_seen_ticks = excluded.first_seen_ticks, last_updated_ticks = excluded.last_updated_ticks,
            sequence = excluded.sequence, revision = excluded.revision, fresh_ticks = excluded.fresh_ticks,
            upvote_ticks = excluded.upvote_ticks, upvote_counts = excluded.upvote_counts
        """;

    public static NpgsqlBatchCommand UpsertCommand(Paper paper) => Bind(new NpgsqlBatchCommand(Upsert), paper);

    public static Paper Read(NpgsqlDataReader reader) => new()
    {
        Id = PaperId.Parse(reader.GetString(0)),
        ArxivId = reader.NullableString(1),
        Title = reader.GetString(2),
        Abstract = reader.GetString(3),
        Authors = reader.GetFieldValue<string[]>(4),
        AuthorCount = reader.NullableInt(5),
        PublishedAt = reader.NullableTicks(6),
        ListedAt = reader.NullableTicks(7),
        Upvotes = reader.NullableInt(8),
        Comments = reader.NullableInt(9),
        Links = new PaperLinks(Url(reader, 10), Url(reader, 11), Url(reader, 12), Url(reader, 13)),
        Keywords = reader.GetFieldValue<string[]>(14),
        Summary = reader.NullableString(15),
        GithubStars = reader.NullableInt(16),
        Withdrawn = reader.GetBoolean(17),
        Sources = reader.GetFieldValue<string[]>(18),
        FirstSeen = reader.Ticks(19),
        LastUpdated = reader.Ticks(20),
        Sequence = reader.GetInt64(21),
        Revision = reader.GetInt64(22),
        UpvoteHistory = Snapshots(reader.GetFieldValue<long[]>(23), reader.GetFieldValue<int[]>(24)),
    };

    public static async Task<List<Paper>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var papers = new List<Paper>();
        while (await reader.ReadAsync(cancellationToken))
        {
            papers.Add(Read(reader));
        }

        return papers;
    }

    private static NpgsqlBatchCommand Bind(NpgsqlBatchCommand command, Paper paper)
    {
        void Add<T>(string name, T value) => command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        Add("id", paper.Id.Value);
        Add("arxiv_id", paper.ArxivId);
        Add("title_key", TitleKey.From(paper.Title));
        Add("title", paper.Title);
        Add("abstract", paper.Abstract ?? "");
        Add("authors", paper.Authors.ToArray());
        Add("author_count", paper.AuthorCount);
        Add("published", paper.PublishedAt.ToTicks());
        Add("listed", paper.ListedAt.ToTicks());
        Add("upvotes", paper.Upvotes);
        Add("comments", paper.Comments);
        Add("link_arxiv", paper.Links.Arxiv?.OriginalString);
        Add("link_hf", paper.Links.HuggingFace?.OriginalString);
        Add("link_code", paper.Links.Code?.OriginalString);
        Add("link_project", paper.Links.Project?.OriginalString);
        Add("keywords", paper.Keywords.ToArray());
        Add("summary", paper.Summary);
        Add("github_stars", paper.GithubStars);
        Add("withdrawn", paper.Withdrawn);
        Add("sources", paper.Sources.ToArray());
        Add("first_seen", paper.FirstSeen.UtcTicks);
        Add("last_updated", paper.LastUpdated.UtcTicks);
        Add("sequence", paper.Sequence);
        Add("revision", paper.Revision);
        Add("fresh", paper.FreshAt.UtcTicks);
        Add("upvote_ticks", paper.UpvoteHistory.Select(s => s.At.UtcTicks).ToArray());
        Add("upvote_counts", paper.UpvoteHistory.Select(s => s.Upvotes).ToArray());
        return command;
    }

    private static UpvoteSnapshot[] Snapshots(long[] ticks, int[] counts) =>
        [.. ticks.Zip(counts, (at, upvotes) => new UpvoteSnapshot(new DateTimeOffset(at, TimeSpan.Zero), upvotes))];

    private static Uri? Url(NpgsqlDataReader reader, int ordinal) =>
        reader.NullableString(ordinal) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
}
