namespace ChatBot.Benchmarks.Soak;

/// <summary>An injected HTTP failure: a 429 that asks for <see cref="RetryAfter"/>, or a 5xx <see cref="Status"/>.</summary>
internal sealed record HttpFault(FaultKind Kind, int Status, TimeSpan RetryAfter);
