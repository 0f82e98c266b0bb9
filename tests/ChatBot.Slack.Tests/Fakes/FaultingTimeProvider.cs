namespace ChatBot.Slack.Tests.Fakes;

/// <summary>
/// The system clock, except that once armed, the next timer created with a given due time throws: a way to make
/// code fail somewhere nothing should fail, to prove that the failure is survived.
/// </summary>
internal sealed class FaultingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan? _failDueTime;

    public int Faults { get; private set; }

    /// <summary>The next <see cref="CreateTimer"/> with <paramref name="dueTime"/> throws <see cref="InvalidOperationException"/>.</summary>
    public void FailNextTimer(TimeSpan dueTime)
    {
        lock (_gate)
        {
            _failDueTime = dueTime;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_failDueTime == dueTime)
            {
                _failDueTime = null;
                Faults++;
                throw new InvalidOperationException("injected failure: a timer could not be created");
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
