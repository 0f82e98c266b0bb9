using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Storage.Search;

/// <summary>Searchers that rank with BM25, the similarity the index was written with, and search large indexes in two halves at once.</summary>
internal sealed class BM25SearcherFactory(Similarity similarity) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new SlicedSearcher(reader, similarity);
}
