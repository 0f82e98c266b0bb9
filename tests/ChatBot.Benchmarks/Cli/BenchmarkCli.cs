using System.CommandLine;
using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Scenarios;
using ChatBot.Core;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks.Cli;

/// <summary>The command line of the benchmark program.</summary>
internal static class BenchmarkCli
{
    public const int Success = 0;
    public const int Failure = 1;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var papers = PositiveInt("--papers", 10_000, "Synthetic papers to generate and ingest.", PaperGenerator.MaxPapers);
        var queries = PositiveInt("--queries", 2_000, "Search queries to time (after a warm-up of 200).", 10_000_000);
        var alerts = PositiveInt("--alerts", 100_000, "Alert queries to match against the newest papers in one call.", 10_000_000);
        var alertBatch = PositiveInt("--alert-batch", 1_000, "Newest papers matched against the alerts (at most --papers).", PaperGenerator.MaxPapers);
        var seed = new Option<int>("--seed") { Description = "Seed of the corpus and the query mix.", DefaultValueFactory = _ => 42 };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "An empty folder for the database and index (default: a fresh temp folder, deleted at the end).",
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the data folder after the run." };
        var floor = new Option<bool>("--floor")
        {
            Description = "First time plain LiteDB InsertBulk and plain Lucene.Net indexing of the same papers, the floor ingest is compared with (on by default; --floor false skips it).",
            DefaultValueFactory = _ => true,
        };

        var ingestRounds = PositiveInt(
            "--ingest-rounds", 1, "Time the engine floor and the ingest this many times in turn (the extra ingests into scratch folders) and report every round's ratio and their median (ingest_floor_ratio_*). Needs the floor.", 9);

        var floorLikeOurs = new Option<bool>("--floor-like-ours")
        {
            Description = "Also time the engines doing the engine work ours do: LiteDB with the store's secondary indexes, Lucene.Net set up and committing as our index (ingest_floor_like_ours_* keys). Needs the floor.",
        };

        var postgres = new Option<string?>("--postgres")
        {
            Description = "The Npgsql connection string of an empty PostgreSQL database: ingest and search are measured on it too, beside LiteDB (pg_* keys).",
        };

        var hnsw = new Option<bool>("--hnsw")
        {
            Description = "Also compare exact int8 vector search with a USearch HNSW index at --papers (hnsw_* keys; the vectors command runs only that).",
        };

        var only = new Option<string[]>("--only")
        {
            Description = "Run only these scenarios (names, comma- or space-separated: " + string.Join(", ", BenchmarkRunner.ScenarioNames)
                + "); ingest always runs first. The floor runs only when named.",
            AllowMultipleArgumentsPerToken = true,
        };
        only.Validators.Add(result =>
        {
            if (OnlyNames(result.GetValueOrDefault<string[]>()) is { } names && names.FirstOrDefault(n => !BenchmarkRunner.ScenarioNames.Contains(n)) is { } unknown)
            {
                result.AddError($"--only: no scenario is named '{unknown}' (there are {string.Join(", ", BenchmarkRunner.ScenarioNames)}).");
            }
        });

        var root = new RootCommand("Measures ingest, search and memory of ChatBot on a synthetic corpus. Progress goes to stderr; the summary and, as the last line, a JSON object go to stdout.");
        root.Options.Add(papers);
        root.Options.Add(queries);
        root.Options.Add(alerts);
        root.Options.Add(alertBatch);
        root.Options.Add(seed);
        root.Options.Add(dataDirectory);
        root.Options.Add(keep);
        root.Options.Add(floor);
        root.Options.Add(ingestRounds);
        root.Options.Add(floorLikeOurs);
        root.Options.Add(postgres);
        root.Options.Add(hnsw);
        root.Options.Add(only);
        root.Subcommands.Add(SoakCommand.Create());
        root.Subcommands.Add(VectorsCommand.Create());
        root.SetAction(async (parse, token) =>
        {
            var settings = new BenchmarkSettings(
                parse.GetValue(papers), parse.GetValue(queries), parse.GetValue(seed), parse.GetValue(dataDirectory), parse.GetValue(keep),
                parse.GetValue(alerts), parse.GetValue(alertBatch), parse.GetValue(floor), parse.GetValue(postgres),
                OnlyNames(parse.GetValue(only)), parse.GetValue(hnsw), parse.GetValue(ingestRounds), parse.GetValue(floorLikeOurs));
            if (settings.Conflict() is { } conflict)
            {
                await System.Console.Error.WriteLineAsync($"Error: {conflict}");
                return Failure;
            }

            try
            {
                await new BenchmarkRunner(settings, System.Console.Out, System.Console.Error).RunAsync(token);
                return Success;
            }
            catch (Exception e) when (e is ChatBotException or OptionsValidationException)
            {
                await System.Console.Error.WriteLineAsync($"Error: {e.Message}");
                return Failure;
            }
            catch (BenchmarkFailedException e)
            {
                await System.Console.Error.WriteLineAsync($"Benchmark failed: {e.Message}");
                return Failure;
            }
        });

        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken);
    }

    private static HashSet<string>? OnlyNames(string[]? values) =>
        values is { Length: > 0 }
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal)
            : null;

    private static Option<int> PositiveInt(string name, int defaultValue, string description, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > max)
            {
                result.AddError($"{name} must be between 1 and {max:N0}.");
            }
        });
        return option;
    }
}
