namespace ChatBot.Core.Search;

/// <summary>How far a catch-up or rebuild of the search index has come.</summary>
public readonly record struct IndexProgress(int PapersIndexed, long RevisionsDone, long RevisionsTotal)
{
    public double Fraction => RevisionsTotal <= 0 ? 1 : Math.Clamp((double)RevisionsDone / RevisionsTotal, 0, 1);
}
