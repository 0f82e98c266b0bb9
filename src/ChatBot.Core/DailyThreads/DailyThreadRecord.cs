using ChatBot.Core.Chat;
using ChatBot.Core.Papers;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// The post log's entry for one schedule and one local date: the papers chosen, the thread once its
/// parent is posted, and how many replies went out. It is saved after every step, which is what lets
/// a restarted bot continue the same thread instead of starting another.
/// </summary>
public sealed record DailyThreadRecord
{
    public required string ScheduleId { get; init; }

    public required DateOnly LocalDate { get; init; }

    public DailyThreadState State { get; init; } = DailyThreadState.Started;

    /// <summary>The papers of the thread, in posting order.</summary>
    public IReadOnlyList<PaperId> Papers { get; init; } = [];

    /// <summary>Set once the parent message and its thread exist.</summary>
    public ThreadRef? Thread { get; init; }

    /// <summary>How many of <see cref="Papers"/> have been posted into the thread.</summary>
    public int RepliesSent { get; init; }

    /// <summary>Failed attempts in a row, and the last platform error.</summary>
    public int Failures { get; init; }

    public string? LastError { get; init; }

    /// <summary>Not retried before this instant after a failure.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Why the day was skipped or ended without a thread.</summary>
    public string? Note { get; init; }
}
