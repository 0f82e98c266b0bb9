using ChatBot.Core.Papers;

namespace ChatBot.Core.Storage;

/// <summary>What one upsert did; <see cref="Changed"/> holds the new and updated papers as stored.</summary>
public sealed record UpsertSummary(int New, int Updated, int Unchanged, IReadOnlyList<Paper> Changed)
{
    public static readonly UpsertSummary None = new(0, 0, 0, []);
}
