using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.DailyThreads;

/// <summary>
/// The daily threads' post log in the <c>daily_posts</c> collection (named before the feature was; kept so existing databases read), one document per schedule and local date
/// (<c>{schedule}|{yyyy-MM-dd}</c>). Each save is its own transaction, so a record is durable before
/// the next message is sent.
/// </summary>
internal sealed class LiteDbPostLog(ChatBotDatabase database) : IPostLog
{
    private const string CollectionName = "daily_posts";

    private ILiteCollection<BsonDocument> Posts
    {
        get
        {
            var collection = database.Database.GetCollection(CollectionName);
            collection.EnsureIndex("Schedule");
            return collection;
        }
    }

    public Task<DailyThreadRecord?> FindAsync(string scheduleId, DateOnly localDate, CancellationToken cancellationToken = default)
    {
        var document = Posts.FindById(Key(scheduleId, localDate));
        return Task.FromResult(document is null ? null : FromDocument(document));
    }

    public Task SaveAsync(DailyThreadRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var posts = Posts;
        lock (database.WriteLock)
        {
            posts.Upsert(ToDocument(record));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<PaperId>> PostedPapersAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        IReadOnlySet<PaperId> posted = Posts.Find(Query.EQ("Schedule", scheduleId))
            .SelectMany(d => d["Papers"].AsArray.Select(p => PaperId.Parse(p.AsString)))
            .ToHashSet();
        return Task.FromResult(posted);
    }

    /// <summary>Every record, by schedule and date: for <c>migrate</c>.</summary>
    internal IReadOnlyList<DailyThreadRecord> ReadAll() =>
        [.. Posts.FindAll().Select(FromDocument).OrderBy(r => r.ScheduleId, StringComparer.Ordinal).ThenBy(r => r.LocalDate)];

    private static string Key(string scheduleId, DateOnly localDate) =>
        $"{scheduleId}|{localDate:yyyy-MM-dd}";

    private static BsonDocument ToDocument(DailyThreadRecord record) => new()
    {
        ["_id"] = Key(record.ScheduleId, record.LocalDate),
        ["Schedule"] = record.ScheduleId,
        ["Date"] = record.LocalDate.DayNumber,
        ["State"] = record.State.ToString(),
        ["Papers"] = new BsonArray(record.Papers.Select(p => new BsonValue(p.Value))),
        ["Thread"] = record.Thread is { } thread
            ? new BsonDocument { ["Channel"] = thread.ChannelId, ["Parent"] = thread.ParentMessageId, ["Thread"] = thread.ThreadId }
            : BsonValue.Null,
        ["RepliesSent"] = record.RepliesSent,
        ["Failures"] = record.Failures,
        ["LastError"] = record.LastError is null ? BsonValue.Null : new BsonValue(record.LastError),
        ["RetryAt"] = record.RetryAt is { } retryAt ? new BsonValue(retryAt.UtcTicks) : BsonValue.Null,
        ["Note"] = record.Note is null ? BsonValue.Null : new BsonValue(record.Note),
    };

    private static DailyThreadRecord FromDocument(BsonDocument document) => new()
    {
        ScheduleId = document["Schedule"].AsString,
        LocalDate = DateOnly.FromDayNumber(document["Date"].AsInt32),
        State = Enum.Parse<DailyThreadState>(document["State"].AsString),
        Papers = [.. document["Papers"].AsArray.Select(p => PaperId.Parse(p.AsString))],
        Thread = document["Thread"].IsDocument
            ? new ThreadRef(document["Thread"]["Channel"].AsString, document["Thread"]["Parent"].AsString, document["Thread"]["Thread"].AsString)
            : null,
        RepliesSent = document["RepliesSent"].AsInt32,
        Failures = document["Failures"].AsInt32,
        LastError = document["LastError"].IsString ? document["LastError"].AsString : null,
        RetryAt = document["RetryAt"].IsNumber ? new DateTimeOffset(document["RetryAt"].AsInt64, TimeSpan.Zero) : null,
        Note = document["Note"].IsString ? document["Note"].AsString : null,
    };
}
