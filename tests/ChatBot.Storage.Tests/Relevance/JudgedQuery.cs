namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// A query with the grade of every paper judged relevant to it (3 = exactly what was asked,
/// 2 = clearly relevant, 1 = partly relevant); a paper not listed is graded 0.
/// </summary>
internal sealed record JudgedQuery(string Id, string Text, QueryKind Kind, IReadOnlyDictionary<string, int> Judgments)
{
    public int Grade(string paperId) => Judgments.TryGetValue(paperId, out var grade) ? grade : 0;
}
