namespace ChatBot.Core.Papers;

/// <summary>
/// The upvote count a paper had when we looked. Hugging Face publishes no history, so these
/// snapshots are how trending measures upvote velocity.
/// </summary>
public sealed record UpvoteSnapshot(DateTimeOffset At, int Upvotes);
