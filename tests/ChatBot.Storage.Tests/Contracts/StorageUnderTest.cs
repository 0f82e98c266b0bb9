using ChatBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>
/// Every store of one provider on a database of the test's own, with a clock the test moves. <see cref="ReopenAsync"/>
/// closes and opens it again as a restarted process would; the store properties then answer from the new one.
/// </summary>
public abstract class StorageUnderTest : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    public abstract IStateStore State { get; }

    public abstract IScheduleStore Schedules { get; }

    public abstract IPostLog PostLog { get; }

    public abstract IAlertStore Alerts { get; }

    public abstract IPaperStore Papers { get; }

    public abstract IDeliveryLog Deliveries { get; }

    public abstract Task ReopenAsync();

    public abstract ValueTask DisposeAsync();
}
