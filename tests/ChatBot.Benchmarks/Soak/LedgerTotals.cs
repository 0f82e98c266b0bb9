namespace ChatBot.Benchmarks.Soak;

/// <summary>What became of the commands, counted once the drain is over.</summary>
/// <param name="Sent">Commands issued.</param>
/// <param name="AnsweredOnce">Answered exactly once.</param>
/// <param name="AnsweredMoreThanOnce">Answered twice or more, or acknowledged twice.</param>
/// <param name="Unanswered">Never answered although the platform delivered them.</param>
/// <param name="Lost">Lost by the platform (the fault cut the connection before the bot could acknowledge); not the bot's doing.</param>
/// <param name="Late">Answered more than 3 s after the bot received them (Discord and Slack would have shown an error by then).</param>
/// <param name="AnswerMilliseconds">Time from delivery on the socket to the first answer, of every answered command.</param>
/// <param name="DeliveryWaitMilliseconds">Time from issue to delivery: how long commands waited for a connection (faults).</param>
internal sealed record LedgerTotals(
    int Sent, int AnsweredOnce, int AnsweredMoreThanOnce, int Unanswered, int Lost, int Late,
    IReadOnlyCollection<double> AnswerMilliseconds, IReadOnlyCollection<double> DeliveryWaitMilliseconds);
