namespace ChatBot.Core.DailyThreads;

/// <summary>Where one day's post of one schedule stands.</summary>
public enum DailyThreadState
{
    /// <summary>Papers chosen; the thread is being posted (or will be resumed after a failure or crash).</summary>
    Started,

    /// <summary>Every message is posted (or nothing qualified and the day is done).</summary>
    Completed,

    /// <summary>The day was not posted: the bot was down past the catch-up window.</summary>
    Skipped,
}
