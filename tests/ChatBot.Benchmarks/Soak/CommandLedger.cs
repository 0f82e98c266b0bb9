using System.Globalization;

namespace ChatBot.Benchmarks.Soak;

/// <summary>Every command the soak sent, by id, and what became of it; safe to use from the fakes' request threads.</summary>
internal sealed class CommandLedger(TimeProvider clock)
{
    /// <summary>Discord and Slack both give up on an answer after 3 s.</summary>
    public static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrackedCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<TrackedCommand> _order = [];

    public TrackedCommand Issue(SoakPlatform platform, string text)
    {
        lock (_gate)
        {
            var prefix = platform == SoakPlatform.Discord ? "d" : "s";
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}{_order.Count + 1:D6}");
            var command = new TrackedCommand(id, platform, text, clock.GetTimestamp());
            _commands[id] = command;
            _order.Add(command);
            return command;
        }
    }

    /// <summary>Runs <paramref name="change"/> on the command under the lock; false for an id the soak never sent.</summary>
    public bool Update(string id, Action<TrackedCommand> change)
    {
        lock (_gate)
        {
            if (!_commands.TryGetValue(id, out var command))
            {
                return false;
            }

            change(command);
            return true;
        }
    }

    /// <summary>Counts an answer the person sees (the first one stamps the answer time).</summary>
    public void Answered(TrackedCommand command)
    {
        lock (_gate)
        {
            command.Answers++;
            command.FirstAnswerAt ??= clock.GetTimestamp();
        }
    }

    /// <summary>Commands of <paramref name="platform"/> sent and neither answered nor lost yet.</summary>
    public int Outstanding(SoakPlatform platform)
    {
        lock (_gate)
        {
            return _order.Count(c => c.Platform == platform && c.Answers == 0 && c.LostBecause is null);
        }
    }

    /// <summary>Commands of <paramref name="platform"/> already delivered to a socket and neither answered nor lost yet.</summary>
    public int InFlight(SoakPlatform platform)
    {
        lock (_gate)
        {
            return _order.Count(c => c.Platform == platform && c.SentAt is not null && c.Answers == 0 && c.LostBecause is null);
        }
    }

    public IReadOnlyList<TrackedCommand> Snapshot()
    {
        lock (_gate)
        {
            return [.. _order];
        }
    }

    public LedgerTotals Totals()
    {
        lock (_gate)
        {
            var latencies = new List<double>();
            var waits = new List<double>();
            int once = 0, more = 0, none = 0, lost = 0, late = 0;
            foreach (var command in _order)
            {
                if (command.SentAt is { } sent)
                {
                    waits.Add(clock.GetElapsedTime(command.IssuedAt, sent).TotalMilliseconds);
                }

                if (command.Answers == 0)
                {
                    if (command.LostBecause is null)
                    {
                        none++;
                    }
                    else
                    {
                        lost++;
                    }

                    continue;
                }

                if (command.Answers == 1 && command.ExtraAcknowledgements == 0)
                {
                    once++;
                }
                else
                {
                    more++;
                }

                var elapsed = AnswerTime(command)!.Value;
                latencies.Add(elapsed.TotalMilliseconds);
                if (elapsed > AnswerDeadline)
                {
                    late++;
                }
            }

            return new LedgerTotals(_order.Count, once, more, none, lost, late, latencies, waits);
        }
    }

    /// <summary>From delivery (or issue, when the delivery was not stamped) to the first answer; null while unanswered.</summary>
    public TimeSpan? AnswerTime(TrackedCommand command)
    {
        lock (_gate)
        {
            return command.FirstAnswerAt is { } answered ? clock.GetElapsedTime(command.SentAt ?? command.IssuedAt, answered) : null;
        }
    }
}
