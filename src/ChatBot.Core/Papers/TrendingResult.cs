namespace ChatBot.Core.Papers;

/// <summary>
/// A paper's trending score. <see cref="GainedInWindow"/> upvotes were gained over <see cref="Window"/>
/// (the configured window, or less when the paper was first seen inside it); <see cref="Explanation"/>
/// says so in one line for the daily thread, e.g. <c>+40 upvotes in the last 24 h · 210 total · 1 day old</c>.
/// </summary>
public sealed record TrendingResult(Paper Paper, double Score, int GainedInWindow, TimeSpan Window, string Explanation);
