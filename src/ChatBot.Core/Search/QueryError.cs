namespace ChatBot.Core.Search;

/// <summary>
/// Why a query cannot be parsed, and where: <see cref="Position"/> is the 0-based index of the
/// offending text in the query and <see cref="Length"/> its length (at least 1 when the query is not empty).
/// </summary>
public sealed record QueryError(string Message, int Position, int Length)
{
    /// <summary>One line for a chat reply: the message and the 1-based column.</summary>
    public override string ToString() => $"{Message} (at character {Position + 1})";
}
