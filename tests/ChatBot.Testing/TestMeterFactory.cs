using System.Diagnostics.Metrics;

namespace ChatBot.Testing;

/// <summary>
/// An <see cref="IMeterFactory"/> whose meters carry it as their scope, as the host's factory does, so a
/// listener can tell this test's measurements from those of tests running beside it. Disposing it ends its meters.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}
