namespace ChatBot.Benchmarks.Vectors;

/// <summary>How the synthetic paper vectors are spread (<see cref="SyntheticVectors"/>).</summary>
internal enum VectorShape
{
    /// <summary>Independent random unit vectors: no neighbourhoods at all, the worst case for a graph index.</summary>
    Random,

    /// <summary>Noisy mixtures around topic and subtopic centres, the way real embeddings cluster.</summary>
    Clustered,
}
