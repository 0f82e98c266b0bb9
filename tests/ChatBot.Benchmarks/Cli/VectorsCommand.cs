using System.CommandLine;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Benchmarks.Vectors;

namespace ChatBot.Benchmarks.Cli;

/// <summary>
/// <c>vectors</c>: only the vector-search comparison (exact int8 scan against a USearch HNSW index) on synthetic
/// vectors, no papers ingested, so 1M vectors take minutes rather than the full run's half hour.
/// </summary>
internal static class VectorsCommand
{
    public static Command Create()
    {
        var papers = new Option<int>("--papers") { Description = "Vectors (papers) to search.", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "Timed queries per measurement (after a warm-up of 20).", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Seed of the vectors and queries.", DefaultValueFactory = _ => 42 };
        var shape = new Option<string>("--shape")
        {
            Description = "Which vectors: random, clustered or both.",
            DefaultValueFactory = _ => "both",
        };
        shape.AcceptOnlyFromAmong("random", "clustered", "both");
        var connectivity = new Option<int>("--connectivity") { Description = "HNSW links per node (M).", DefaultValueFactory = _ => new HnswSettings().Connectivity };
        var expansionAdd = new Option<int>("--expansion-add") { Description = "HNSW ef while building.", DefaultValueFactory = _ => new HnswSettings().ExpansionAdd };
        var expansionSearch = new Option<int>("--expansion-search") { Description = "HNSW ef while searching.", DefaultValueFactory = _ => new HnswSettings().ExpansionSearch };
        foreach (var option in new[] { papers, queries, connectivity, expansionAdd, expansionSearch })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{option.Name} must be at least 1.");
                }
            });
        }

        var command = new Command("vectors", "Compares the bot's exact int8 vector search with a USearch HNSW index at one size. Progress goes to stderr; the summary and, as the last line, a JSON object go to stdout.")
        {
            papers, queries, seed, shape, connectivity, expansionAdd, expansionSearch,
        };
        command.SetAction(async (parse, _) =>
        {
            VectorShape[] shapes = parse.GetValue(shape) switch
            {
                "random" => [VectorShape.Random],
                "clustered" => [VectorShape.Clustered],
                _ => [VectorShape.Random, VectorShape.Clustered],
            };
            var run = new VectorRun(
                parse.GetValue(papers), parse.GetValue(seed), shapes,
                new HnswSettings(parse.GetValue(connectivity), parse.GetValue(expansionAdd), parse.GetValue(expansionSearch)), parse.GetValue(queries));
            var report = new BenchmarkReport();
            run.Measure(report, System.Console.Error);
            await System.Console.Out.WriteAsync(report.ToSummary());
            await System.Console.Out.WriteLineAsync(report.ToJson());
            return BenchmarkCli.Success;
        });
        return command;
    }
}
