namespace ChatBot.Benchmarks.Corpus;

/// <summary>How a paper of the corpus arrives more than once (<see cref="IngestStream"/>).</summary>
internal enum DuplicateKind
{
    /// <summary>Once, from Hugging Face.</summary>
    None,

    /// <summary>From Hugging Face, then again later from arXiv with a different upvote count: merged by arXiv id.</summary>
    OtherSource,

    /// <summary>First without an arXiv id (a file import: a title-keyed paper), then from Hugging Face with the id: re-keyed.</summary>
    TitleFirst,
}
