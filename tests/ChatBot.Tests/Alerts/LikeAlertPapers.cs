namespace ChatBot.Tests.Alerts;

/// <summary>
/// The papers of the alerts-by-example host tests: a seed paper to follow, and two new ones imported later, one close to
/// it in meaning (Mamba for speech separation, in other words) and one about something else entirely.
/// </summary>
internal static class LikeAlertPapers
{
    public const string Source = "Dual-path Mamba: Short and Long-term Bidirectional Selective Structured State Space Models for Speech Separation";
    public const string SourceId = "title:dual-path-mamba-short-and-long-term-bidirectional-selective-structured-state-space-models-for-speech-separation";
    public const string Close = "Selective state space models for monaural speech separation";
    public const string Unrelated = "Quantum annealing for protein folding";

    /// <summary>The two new papers as a Hugging Face daily-papers JSON file, for <c>import</c>.</summary>
    public static string NewPapersJson() => $$"""
        [{"paper":{"id":"2611.09998","title":"{{Close}}","summary":"We replace the transformers of speech separation networks with Mamba, a selective state space model, modelling short- and long-term dependencies of speech signals in both directions. On WSJ0-2mix our smaller models outperform DPRNN and Sepformer.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"{{Close}}","publishedAt":"2026-11-22T12:00:00.000Z"},
         {"paper":{"id":"2611.09999","title":"{{Unrelated}}","summary":"We fold proteins with quantum annealing hardware and compare it with classical solvers.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"{{Unrelated}}","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
