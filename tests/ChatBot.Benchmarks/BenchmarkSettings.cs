using ChatBot.Benchmarks.Scenarios;

namespace ChatBot.Benchmarks;

/// <summary>
/// What the command line asked for. <see cref="DataDirectory"/> is a folder the user named, or null
/// for a fresh temp folder. <see cref="Floor"/> times the engines' own ingest first (<c>--floor</c>).
/// <see cref="Postgres"/> is the connection string of an empty PostgreSQL database to measure ingest and search on
/// beside LiteDB (<c>--postgres</c>), or null. <see cref="Only"/> names the scenarios to run (<c>--only</c>; ingest always
/// runs, as the others search what it stored), or is null for all of them. <see cref="Hnsw"/> adds the exact-against-HNSW
/// vector comparison (<c>--hnsw</c>, or <c>--only hnsw</c>). <see cref="IngestRounds"/> is how many times the floor and
/// the ingest are timed in turn (<c>--ingest-rounds</c>; see <see cref="Scenarios.IngestRounds"/>). <see cref="FloorLikeOurs"/>
/// also times the engines doing the engine work our store and index do (<c>--floor-like-ours</c>).
/// </summary>
internal sealed record BenchmarkSettings(
    int Papers, int Queries, int Seed, string? DataDirectory, bool Keep, int Alerts = 100_000, int AlertBatch = 1_000, bool Floor = true, string? Postgres = null,
    IReadOnlySet<string>? Only = null, bool Hnsw = false, int IngestRounds = 1, bool FloorLikeOurs = false)
{
    /// <summary>Whether the engine floor runs: asked for (<c>--floor</c>) and, with <c>--only</c>, named.</summary>
    public bool FloorRuns => Floor && (Only is null || Only.Contains(EngineFloorScenario.ScenarioName));

    /// <summary>Why these settings cannot run together, or null: the options that extend the floor need it to run.</summary>
    public string? Conflict() =>
        FloorRuns ? null
        : IngestRounds > 1 ? "--ingest-rounds compares the ingest with the engine floor in each round: it needs the floor (not --floor false; with --only, name engine-floor)."
        : FloorLikeOurs ? "--floor-like-ours is part of the engine floor: it needs the floor (not --floor false; with --only, name engine-floor)."
        : null;
}
