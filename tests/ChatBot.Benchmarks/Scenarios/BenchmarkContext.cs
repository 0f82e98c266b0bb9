using ChatBot.Benchmarks.Corpus;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>What every scenario works with: the host's services, the corpus, the settings, and stderr for progress.</summary>
internal sealed record BenchmarkContext(IServiceProvider Services, PaperGenerator Corpus, BenchmarkSettings Settings, TextWriter Progress)
{
    /// <summary>"Now" for relative date filters: the end of the corpus, so results do not depend on the day of the run.</summary>
    public DateTimeOffset Now => Corpus.Anchor;

    /// <summary>For a scenario that uses no service of the bot's (the engine floor), run before any host is built.</summary>
    public static BenchmarkContext WithoutServices(PaperGenerator corpus, BenchmarkSettings settings, TextWriter progress) =>
        new(new ServiceCollection().BuildServiceProvider(), corpus, settings, progress);
}
