namespace ChatBot.Storage.Alerts;

/// <summary>What one worker of an <see cref="AlertMatchRun"/> reuses from one alert to the next: two bit sets of the batch and its postings reader.</summary>
internal sealed class MatchScratch(AlertBatch batch)
{
    /// <summary>The documents the current alert still admits.</summary>
    public ulong[] Bits { get; } = new ulong[batch.Words];

    /// <summary>The union of an OR clause's alternatives.</summary>
    public ulong[] Union { get; } = new ulong[batch.Words];

    public BatchPostings Postings { get; } = new(batch);
}
