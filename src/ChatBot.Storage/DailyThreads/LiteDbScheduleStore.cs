using System.Globalization;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.DailyThreads;

/// <summary>Schedules set by admin commands, in the <c>daily_schedules</c> collection keyed by schedule id.</summary>
internal sealed class LiteDbScheduleStore(ChatBotDatabase database) : IScheduleStore
{
    private const string CollectionName = "daily_schedules";

    private ILiteCollection<BsonDocument> Schedules => database.Database.GetCollection(CollectionName);

    public Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DailyThreadSchedule> schedules = [.. Schedules.FindAll().Select(FromDocument)];
        return Task.FromResult(schedules);
    }

    public Task SaveAsync(DailyThreadSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var schedules = Schedules;
        lock (database.WriteLock)
        {
            schedules.Upsert(ToDocument(schedule));
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        var schedules = Schedules;
        lock (database.WriteLock)
        {
            return Task.FromResult(schedules.Delete(scheduleId));
        }
    }

    private static BsonDocument ToDocument(DailyThreadSchedule schedule) => new()
    {
        ["_id"] = schedule.Id,
        ["Platform"] = schedule.Platform,
        ["Channel"] = schedule.ChannelId,
        ["Time"] = schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["Zone"] = schedule.TimeZoneId,
        ["Top"] = schedule.Top,
        ["Filter"] = schedule.Filter is null ? BsonValue.Null : new BsonValue(schedule.Filter),
        ["Weekdays"] = new BsonArray(schedule.Weekdays.Select(d => new BsonValue((int)d))),
        ["Paused"] = schedule.PausedReason is null ? BsonValue.Null : new BsonValue(schedule.PausedReason),
    };

    private static DailyThreadSchedule FromDocument(BsonDocument document) => new()
    {
        Platform = document["Platform"].AsString,
        ChannelId = document["Channel"].AsString,
        LocalTime = TimeOnly.ParseExact(document["Time"].AsString, "HH:mm", CultureInfo.InvariantCulture),
        TimeZoneId = document["Zone"].AsString,
        Top = document["Top"].AsInt32,
        Filter = document["Filter"].IsString ? document["Filter"].AsString : null,
        Weekdays = [.. document["Weekdays"].AsArray.Select(d => (DayOfWeek)d.AsInt32)],
        PausedReason = document["Paused"].IsString ? document["Paused"].AsString : null,
    };
}
