using Lucene.Net.Index;

namespace ChatBot.Storage.Alerts;

/// <summary>One field of one segment, for <see cref="BatchPostings"/>: its terms enumerator (null when no document has the field) and the postings enumerator last used.</summary>
internal sealed class FieldPostings(TermsEnum? terms)
{
    public TermsEnum? Terms { get; } = terms;

    public DocsEnum? Docs { get; set; }
}
