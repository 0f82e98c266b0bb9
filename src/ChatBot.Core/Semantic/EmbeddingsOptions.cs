using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Semantic;

/// <summary>The local sentence-embedding model and the background work that keeps every paper's vector current.</summary>
public sealed class EmbeddingsOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>Off: no model is loaded and search runs on keywords alone.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Texts run through the model at once. 1 (the default) makes each vector depend on its text alone: the int8 model
    /// quantises activations with one scale per run, so batch-mates shift each other's vectors slightly. On two cores
    /// one text per run (128 tokens, 200 KB of activations, in cache) measured as fast per paper as batches of 8 or 16.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Embeddings:BatchSize must be between 1 and 256.")]
    public int BatchSize { get; set; } = 1;

    /// <summary>Threads the model may use: batches run side by side, one thread each (at most this many runs at once).</summary>
    [Range(1, 64, ErrorMessage = "Embeddings:Threads must be between 1 and 64.")]
    public int Threads { get; set; } = 2;

    /// <summary>
    /// Word pieces of title and abstract the model reads. all-MiniLM-L6-v2 was trained on 128 and accepts 256; 128 keeps
    /// the title and the abstract's opening (what a paper is about) at three times the speed of 256 on two cores.
    /// </summary>
    [Range(16, 256, ErrorMessage = "Embeddings:MaxTokens must be between 16 and 256.")]
    public int MaxTokens { get; set; } = 128;

    /// <summary>How often the background worker looks for papers without a current vector.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Embeddings:Interval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
}
