using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Testing;

using ChatBot.Tests.Health;

namespace ChatBot.Tests.EndToEnd;

/// <summary>
/// The bot with <c>Storage:Provider=postgres</c>: the verbs and the running bot use the PostgreSQL stores, no
/// LiteDB file is made, and each process's own search index follows the shared store by revision.
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresHostTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const string Password = "pg-password-not-for-output";

    private readonly TempDirectory _importer = new();
    private readonly TempDirectory _other = new();
    private readonly EnvironmentVariables _environment = new();
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _environment.Set("Storage__Provider", "postgres");
        // Trust authentication ignores the password; it is there to prove nothing prints it.
        _environment.Set("Storage__ConnectionString", _database.ConnectionString + ";Password=" + Password);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _environment.Dispose();
        _importer.Dispose();
        _other.Dispose();
    }

    [PostgresFact]
    public async Task Papers_imported_by_one_process_are_found_by_another_with_its_own_index()
    {
        var (imported, importOutput) = await CliRunner.RunAsync(["--data-dir", _importer.Path, "import", SeedCorpus.Directory]);
        Assert.True(imported == 0, importOutput);

        // Another process: a data directory with no index yet, so its index can only come from PostgreSQL.
        var (asked, answer) = await CliRunner.RunAsync(["--data-dir", _other.Path, "ask", "/papers show Peri-LN: Revisiting Layer Normalization in the Transformer Architecture"]);
        var (counted, stats) = await CliRunner.RunAsync(["--data-dir", _other.Path, "stats", "--json"]);
        var (_, doctor) = await CliRunner.RunAsync(["--data-dir", _other.Path, "doctor"]);
        var (backedUp, backup) = await CliRunner.RunAsync(["--data-dir", _other.Path, "backup", _other.File("copy.db")]);

        Assert.True(asked == 0, answer);
        Assert.Contains("Designing Transformer architectures with the optimal layer normalization", answer, StringComparison.Ordinal);
        Assert.True(counted == 0, stats);
        var json = JsonNode.Parse(stats)!;
        Assert.True(json["papers"]!.GetValue<int>() > 100, stats);
        Assert.Equal($"127.0.0.1:{server.Port}/{_database!.Name} as postgres", json["database"]!.GetValue<string>());
        Assert.Contains($"PostgreSQL at 127.0.0.1:{server.Port}/{_database.Name}", doctor, StringComparison.Ordinal);
        Assert.NotEqual(0, backedUp);
        Assert.Contains("use pg_dump and pg_restore", backup, StringComparison.Ordinal);
        Assert.False(File.Exists(_importer.File("chatbot.db")));
        Assert.False(File.Exists(_other.File("chatbot.db")));
        Assert.All(new[] { importOutput, answer, stats, doctor, backup }, output => Assert.DoesNotContain(Password, output, StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_running_bots_index_follows_papers_another_process_stores_and_it_is_ready()
    {
        _environment.Set("Storage__IndexFollowInterval", "00:00:01");
        await using var bot = await RunningBot.StartAsync(_other.Path);
        using var http = new HttpClient { BaseAddress = bot.Url };
        var empty = await SearchIndexAsync(http, description => description.StartsWith("0 papers", StringComparison.Ordinal));

        var (imported, importOutput) = await CliRunner.RunAsync(["--data-dir", _importer.Path, "import", SeedCorpus.Directory]);
        Assert.True(imported == 0, importOutput);
        var (counted, stats) = await CliRunner.RunAsync(["--data-dir", _importer.Path, "stats", "--json"]);
        Assert.True(counted == 0, stats);
        var papers = JsonNode.Parse(stats)!["papers"]!.GetValue<int>();
        var caughtUp = await SearchIndexAsync(http, description => description.StartsWith($"{papers} papers", StringComparison.Ordinal));

        Assert.Equal("0 papers, at revision 0 of 0", empty);
        Assert.Matches(@"^\d+ papers, at revision (\d+) of \1$", caughtUp);
        Assert.DoesNotContain(Password, bot.Output, StringComparison.Ordinal);
    }

    /// <summary>Polls /readyz until it is 200 and the search index's description satisfies <paramref name="done"/>.</summary>
    private static async Task<string> SearchIndexAsync(HttpClient http, Func<string, bool> done)
    {
        var (_, body) = await HealthPoll.UntilAsync(http, "/readyz", r => r.Status == HttpStatusCode.OK && done(SearchIndexDescription(r.Body)));
        return SearchIndexDescription(body);
    }

    private static string SearchIndexDescription(JsonNode body) =>
        body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "search-index")!["description"]?.GetValue<string>() ?? "";

    [PostgresFact]
    public async Task A_wrong_connection_string_stops_the_start_in_one_line_naming_the_setting_without_the_password()
    {
        _environment.Set("Storage__ConnectionString", "Hots=db;Password=" + Password);

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _other.Path, "stats"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Storage:ConnectionString is not an Npgsql connection string", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }
}
