namespace ChatBot.Core.Papers;

/// <summary>Where to read more about a paper. Any link may be unknown.</summary>
public sealed record PaperLinks(Uri? Arxiv = null, Uri? HuggingFace = null, Uri? Code = null, Uri? Project = null)
{
    public static readonly PaperLinks None = new();

    /// <summary>Known links of <paramref name="newer"/> win; unknown ones keep this record's.</summary>
    public PaperLinks MergeWith(PaperLinks newer) => new(
        newer.Arxiv ?? Arxiv,
        newer.HuggingFace ?? HuggingFace,
        newer.Code ?? Code,
        newer.Project ?? Project);
}
