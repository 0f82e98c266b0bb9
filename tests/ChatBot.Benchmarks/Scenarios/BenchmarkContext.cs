using ChatBot.Benchmarks.Corpus;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>What every scenario works with: the host's services, the corpus, the settings, and stderr for progress.</summary>
internal sealed record BenchmarkContext(IServiceProvider Services, PaperGenerator Corpus, BenchmarkSettings Settings, TextWriter Progress)
{
    /// <summary>"Now" for relative date filters: the end of the corpus, so results do not depend on the day of the run.</summary>
    public DateTimeOffset Now => Corpus.Anchor;
}
