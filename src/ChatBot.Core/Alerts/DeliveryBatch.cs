namespace ChatBot.Core.Alerts;

/// <summary>
/// One matched batch as the delivery log records it: the papers with an ingest sequence in
/// (<see cref="After"/>, <see cref="Through"/>], by position (ascending sequence), and each user's matches, read once,
/// as they are made (never all held at once).
/// </summary>
public sealed record DeliveryBatch(long After, long Through, IReadOnlyList<BatchPaper> Papers, IEnumerable<UserMatches> Users);
