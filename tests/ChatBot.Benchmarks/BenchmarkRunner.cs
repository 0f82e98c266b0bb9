using System.Diagnostics;
using System.Globalization;
using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Benchmarks.Scenarios;
using ChatBot.Core;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// One run: make the corpus, build the host on a data folder, run the scenarios in order, measure
/// memory and disk, and write the summary and (as the last stdout line) the JSON report.
/// </summary>
internal sealed class BenchmarkRunner(BenchmarkSettings settings, TextWriter output, TextWriter progress)
{
    private const string Section = "Run";

    private static readonly IBenchmarkScenario[] Scenarios =
    [
        new IngestScenario(), new UpvoteUpdateScenario(), new SearchScenario(), new SearchCommandScenario(), new SimilarScenario(),
        new AlertMatchScenario(), new SemanticScenario(),
    ];

    /// <summary>The names <c>--only</c> accepts.</summary>
    public static IEnumerable<string> ScenarioNames => [EngineFloorScenario.ScenarioName, .. Scenarios.Select(s => s.Name), VectorIndexScenario.ScenarioName];

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (dataDirectory, owned) = PrepareDataDirectory();
        try
        {
            var report = await MeasureAsync(dataDirectory, cancellationToken);
            await output.WriteAsync(report.ToSummary());
            await output.WriteLineAsync(report.ToJson());
        }
        finally
        {
            if (settings.Keep || !owned)
            {
                await progress.WriteLineAsync($"Data kept in {dataDirectory}");
            }
            else
            {
                TryDelete(dataDirectory);
            }
        }
    }

    private async Task<BenchmarkReport> MeasureAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var anchor = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var corpus = new PaperGenerator(
            settings.Seed, settings.Papers, anchor, new Vocabulary(settings.Seed), new AuthorPool(settings.Seed));
        var report = new BenchmarkReport();
        report.Add(Section, "seed", "seed", settings.Seed);
        report.AddText(Section, "anchor_date", "corpus ends (\"now\" for since:)", anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        report.Add(Section, "vocabulary_words", "vocabulary", corpus.Vocabulary.Count, "words");
        report.Add(Section, "author_pool", "author pool", corpus.Authors.Count, "names");
        report.AddText(Section, "gc", "garbage collector", GarbageCollectorInfo.Describe());

        // The command line refused rounds without the floor (BenchmarkSettings.Conflict).
        IReadOnlyList<IngestRounds.Round> extraRounds = settings.IngestRounds > 1
            ? await IngestRounds.RunAsync(corpus, settings, progress, settings.IngestRounds - 1, cancellationToken)
            : [];

        // The floor before the run's host is built: a search index opened and left idle for over a minute commits the
        // ingest's first batch alone (Search:CommitInterval), and that small segment lets the merge policy keep more.
        // Nothing before the ingest may open the index and wait.
        var withoutServices = BenchmarkContext.WithoutServices(corpus, settings, progress);
        if (settings.FloorRuns)
        {
            await RunScenarioAsync(new EngineFloorScenario(), withoutServices, report, cancellationToken);
        }

        // Ingest always runs; its warm-up too, for the same reason.
        await IngestWarmUp.RunAsync(withoutServices, report, cancellationToken);

        string databaseFile;
        using (var host = BenchmarkHost.Build(dataDirectory))
        {
            var services = host.Services;
            databaseFile = services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabaseFile;
            var index = services.GetService<ISearchIndex>()
                ?? throw new ChatBotException("No ISearchIndex is registered: AddChatBotStorage() does not register the search index yet, so there is nothing to measure.");
            report.AddText(Section, "search_index", "search index", (index is TimedSearchIndex timed ? timed.InnerType : index.GetType()).Name);
            await services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, cancellationToken);

            var context = new BenchmarkContext(services, corpus, settings, progress);
            IEnumerable<IBenchmarkScenario> scenarios = Scenarios;
            if (settings.Hnsw || settings.Only?.Contains(VectorIndexScenario.ScenarioName) == true)
            {
                scenarios = [.. scenarios, new VectorIndexScenario()];
            }

            if (settings.Only is { } only)
            {
                scenarios = scenarios.Where(s => s is IngestScenario || only.Contains(s.Name));
            }

            foreach (var scenario in scenarios)
            {
                await RunScenarioAsync(scenario, context, report, cancellationToken);
            }

            IngestRounds.Report(report, extraRounds);
            MemoryProbe.Record(report, Stopwatch.GetElapsedTime(_started), GC.GetTotalPauseDuration() - _pausedBefore);
        }

        await progress.WriteLineAsync("== cold-start");
        await ColdStart.MeasureAsync(dataDirectory, corpus.Count, report, cancellationToken);
        DataSizeProbe.Record(report, dataDirectory, databaseFile);
        if (settings.Postgres is { } postgres)
        {
            await PostgresRun.MeasureAsync(postgres, Path.Combine(dataDirectory, "postgres-run"), corpus, settings, report, progress, cancellationToken);
        }

        report.Add(Section, "run_seconds", "the whole run (deleting the data folder aside)", Stopwatch.GetElapsedTime(_started).TotalSeconds, "s");

        return report;
    }

    private async Task RunScenarioAsync(IBenchmarkScenario scenario, BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"== {scenario.Name}");
        var started = Stopwatch.GetTimestamp();
        MemoryProbe.StartScenario();
        await scenario.RunAsync(context, report, cancellationToken);
        MemoryProbe.EndScenario(report, scenario.Name);
        // Wall time, with what the scenario does untimed (generating papers, warm-ups): where a run's minutes go.
        report.Add(Section, $"scenario_{scenario.Name.Replace('-', '_')}_seconds", $"{scenario.Name}, the whole scenario", Stopwatch.GetElapsedTime(started).TotalSeconds, "s");
    }

    /// <summary>A fresh temp folder (ours to delete), or the folder the user named, which must be empty.</summary>
    private (string Path, bool Owned) PrepareDataDirectory()
    {
        if (settings.DataDirectory is not { Length: > 0 } named)
        {
            var temp = Path.Combine(Path.GetTempPath(), "chatbot-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temp);
            return (temp, true);
        }

        var full = Path.GetFullPath(named);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new ChatBotException($"--data-dir {full} is not empty: the benchmark needs an empty or new folder, so that every paper is new.");
        }

        Directory.CreateDirectory(full);
        return (full, false);
    }

    private void TryDelete(string dataDirectory)
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException e)
        {
            progress.WriteLine($"Could not delete {dataDirectory}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            progress.WriteLine($"Could not delete {dataDirectory}: {e.Message}");
        }
    }
}
