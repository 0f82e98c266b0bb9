namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Decides, per HTTP call the bot makes, whether the fake answers with an injected 429 or 5xx. Only while
/// <see cref="Active"/>; never twice in a row for the same key (an interaction, a response_url), so each answer
/// needs at most one retry and a fault alone cannot push it past the platform's 3 s.
/// </summary>
internal sealed class HttpFaults(SoakSettings settings, FaultCounter counter)
{
    private static readonly int[] ServerErrors = [500, 502, 503];

    private readonly Random _random = new(settings.Seed ^ 0x5eed);
    private readonly Lock _gate = new();
    private readonly HashSet<string> _faultedLast = new(StringComparer.Ordinal);

    public bool Active { get; set; }

    /// <summary>The fault for this call to <paramref name="key"/>, or null to answer it normally.</summary>
    public HttpFault? Next(string key)
    {
        var rate429 = settings.Faults.Contains(FaultKind.Http429);
        var rate5xx = settings.Faults.Contains(FaultKind.Http5xx);
        lock (_gate)
        {
            if (!Active || !(rate429 || rate5xx) || _faultedLast.Remove(key) || _random.NextDouble() >= settings.HttpFaultRate)
            {
                return null;
            }

            _faultedLast.Add(key);
            var kind = rate429 && (!rate5xx || _random.Next(2) == 0) ? FaultKind.Http429 : FaultKind.Http5xx;
            counter.Count(kind);
            return kind == FaultKind.Http429
                ? new HttpFault(kind, 429, TimeSpan.FromMilliseconds(50 + _random.Next(950)))
                : new HttpFault(kind, ServerErrors[_random.Next(ServerErrors.Length)], TimeSpan.Zero);
        }
    }
}
