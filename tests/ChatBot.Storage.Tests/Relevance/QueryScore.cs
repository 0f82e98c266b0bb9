namespace ChatBot.Storage.Tests.Relevance;

/// <summary>How one ranking did on one judged query, with the ids it returned (for the report).</summary>
internal sealed record QueryScore(JudgedQuery Query, double Ndcg, double Recall, IReadOnlyList<string> Ranked);
