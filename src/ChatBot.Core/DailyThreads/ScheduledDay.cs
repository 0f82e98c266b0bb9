namespace ChatBot.Core.DailyThreads;

/// <summary>One local day of a schedule and the instant its post is due.</summary>
public readonly record struct ScheduledDay(DateOnly LocalDate, DateTimeOffset DueAt);
