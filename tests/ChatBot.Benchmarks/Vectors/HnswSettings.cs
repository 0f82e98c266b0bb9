namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// The HNSW graph's knobs: <paramref name="Connectivity"/> links per node (USearch's default 16),
/// <paramref name="ExpansionAdd"/> candidates kept while inserting (default 128) and <paramref name="ExpansionSearch"/>
/// while searching (default 64; raised here, as the bot asks for 50 results and ranks the top 10).
/// </summary>
internal sealed record HnswSettings(int Connectivity = 16, int ExpansionAdd = 128, int ExpansionSearch = 128)
{
    public override string ToString() => $"cos, i8, M={Connectivity}, ef_add={ExpansionAdd}, ef_search={ExpansionSearch}";
}
