using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Admin;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Cli;

/// <summary>
/// <c>backup</c> and <c>restore</c> against the real host: a backup while the bot runs is written by the
/// bot through its admin endpoint; a restore is refused while it runs; a restored database is what the
/// next start searches.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BackupHostTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _backups = new();

    public void Dispose()
    {
        _data.Dispose();
        _backups.Dispose();
    }

    [Fact]
    public async Task A_backup_while_the_bot_runs_is_written_by_the_bot_and_holds_every_paper()
    {
        var papers = await ImportSeedsAsync(_data.Path);
        var target = _backups.File("running.db");
        var instancePath = Path.Combine(_data.Path, InstanceFile.FileName);
        string token;
        await using (var bot = await RunningBot.StartAsync(_data.Path))
        {
            var instance = InstanceFile.TryRead(instancePath);
            Assert.NotNull(instance);
            Assert.Equal(Path.GetFullPath(_data.Path), Path.GetDirectoryName(instancePath));
            token = instance.Token;
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(instancePath));
            }

            var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "backup", target);

            Assert.True(exitCode == 0, output);
            Assert.Matches(
                $@"^Backed up {papers} papers \([0-9.]+ [KMG]B\) to {Regex.Escape(target)} in [0-9.]+ s, written by the running bot \(ChatBot process {Environment.ProcessId} at {Regex.Escape(instance.Url.ToString())}\)\.$",
                output.Trim());
            Assert.DoesNotContain(token, output, StringComparison.Ordinal);
            Assert.DoesNotContain(token, bot.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(instancePath), "the instance file outlived a clean stop");
        Assert.Equal(papers, await CountPapersAsync(target));
    }

    [Fact]
    public async Task The_admin_endpoint_answers_nothing_without_the_token()
    {
        await ImportSeedsAsync(_data.Path);
        await using var bot = await RunningBot.StartAsync(_data.Path);
        using var http = new HttpClient { BaseAddress = bot.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminEndpoints.BackupPath)
        {
            Content = JsonContent.Create(new { path = _backups.File("stolen.db") }),
        };
        request.Headers.Authorization = new("Bearer", "not-the-token");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(File.Exists(_backups.File("stolen.db")));
    }

    [Fact]
    public async Task The_admin_endpoint_is_served_on_its_own_loopback_port_only_never_on_the_public_one()
    {
        await ImportSeedsAsync(_data.Path);
        await using var bot = await RunningBot.StartAsync(_data.Path);
        var instance = InstanceFile.TryRead(Path.Combine(_data.Path, InstanceFile.FileName));
        Assert.NotNull(instance);
        using var http = new HttpClient();

        using var onPublic = await PostBackupAsync(http, new Uri(bot.Url, AdminEndpoints.BackupPath), instance.Token, _backups.File("public.db"));
        using var onAdmin = await PostBackupAsync(http, new Uri(instance.Url, AdminEndpoints.BackupPath), instance.Token, _backups.File("admin.db"));
        using var healthOnAdmin = await http.GetAsync(new Uri(instance.Url, "/healthz"));
        using var healthOnPublic = await http.GetAsync(new Uri(bot.Url, "/healthz"));

        Assert.Equal("127.0.0.1", instance.Url.Host);
        Assert.NotEqual(bot.Url.Port, instance.Url.Port);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.False(File.Exists(_backups.File("public.db")));
        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.True(File.Exists(_backups.File("admin.db")));
        Assert.Equal(HttpStatusCode.NotFound, healthOnAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthOnPublic.StatusCode);
    }

    [Fact]
    public async Task Restore_is_refused_while_the_bot_runs_and_the_database_is_untouched()
    {
        var papers = await ImportSeedsAsync(_data.Path);
        var backup = _backups.File("seeds.db");
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "backup", backup)).ExitCode);
        var other = Path.Combine(_backups.Path, "other");
        await ImportAsync(other, NewPaperJson("Zyxwvut lattice surgery"));
        var otherBackup = _backups.File("other.db");
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", other, "backup", otherBackup)).ExitCode);

        await using (await RunningBot.StartAsync(_data.Path))
        {
            var admin = InstanceFile.TryRead(Path.Combine(_data.Path, InstanceFile.FileName))!.Url;
            var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "restore", otherBackup);

            Assert.Equal(1, exitCode);
            Assert.Equal(
                $"Error: The bot is running on {Path.Combine(_data.Path, "chatbot.db")} (ChatBot process {Environment.ProcessId} at {admin}): stop it before restoring.",
                output.Trim());
        }

        Assert.Equal(papers, await CountPapersAsync(Path.Combine(_data.Path, "chatbot.db")));
        Assert.Empty(Directory.GetFiles(_data.Path, "*before-restore*"));
    }

    [Fact]
    public async Task After_a_restore_the_next_start_rebuilds_the_index_and_finds_the_restored_papers_only()
    {
        var papers = await ImportSeedsAsync(Path.Combine(_backups.Path, "seeded"));
        var backup = _backups.File("seeds.db");
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", Path.Combine(_backups.Path, "seeded"), "backup", backup)).ExitCode);
        await ImportAsync(_data.Path, NewPaperJson("Zyxwvut lattice surgery"));
        Assert.Contains("Zyxwvut lattice surgery", (await AskAsync("/papers search zyxwvut")).Output, StringComparison.Ordinal);

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "restore", backup);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Restored {papers} papers from {backup} into {Path.Combine(_data.Path, "chatbot.db")}.", output, StringComparison.Ordinal);
        var previous = Assert.Single(Directory.GetFiles(_data.Path, "chatbot-before-restore-*.db"));
        Assert.Contains($"The previous database is kept as {previous}.", output, StringComparison.Ordinal);
        Assert.Equal(1, await CountPapersAsync(previous));

        // Asked through the running bot's console (a child process, as a user runs it): its start brings the index
        // up to the restored database before the first command, without help from the ask verb's own catch-up.
        await using var bot = BotProcess.Start(["--data-dir", _data.Path], new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
            ["Sources__HuggingFace__Enabled"] = "false",
            ["Sources__Inbox__Enabled"] = "false",
        });
        await bot.WriteLineAsync("/papers search zyxwvut");
        await bot.WriteLineAsync("/papers search layer normalization transformer");
        await bot.WriteLineAsync("exit");

        Assert.Equal(0, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("No paper among", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Zyxwvut lattice surgery", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Peri-LN", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backing_up_a_missing_database_is_one_line()
    {
        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "backup", _backups.File("b.db"));

        AssertOneLineError(exitCode, output, $"There is no database at {Path.Combine(_data.Path, "chatbot.db")}");
    }

    [Fact]
    public async Task Backing_up_into_a_missing_folder_is_one_line()
    {
        await ImportAsync(_data.Path, NewPaperJson("Zyxwvut lattice surgery"));
        var missing = Path.Combine(_backups.Path, "no-such-folder");

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "backup", Path.Combine(missing, "b.db"));

        AssertOneLineError(exitCode, output, $"the folder {missing} does not exist");
    }

    // Permission bits and /sys are Linux's (CI and the image run Linux); elsewhere the test is reported skipped.
    [LinuxFact]
    [SupportedOSPlatform("linux")]
    public async Task Backing_up_into_a_folder_that_cannot_be_written_is_one_line()
    {
        await ImportAsync(_data.Path, NewPaperJson("Zyxwvut lattice surgery"));
        // Root writes through permission bits, but not into a read-only file system.
        var folder = Environment.IsPrivilegedProcess ? "/sys" : _backups.File("read-only");
        if (!Environment.IsPrivilegedProcess)
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "backup", Path.Combine(folder, "b.db"));

        AssertOneLineError(exitCode, output, $"Cannot write the backup in {folder}");
    }

    [Fact]
    public async Task Restoring_a_missing_file_is_one_line()
    {
        var missing = _backups.File("missing.db");

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "restore", missing);

        AssertOneLineError(exitCode, output, $"There is no file {missing}.");
    }

    [Fact]
    public async Task Restoring_a_file_that_is_not_a_database_is_one_line_and_changes_nothing()
    {
        await ImportAsync(_data.Path, NewPaperJson("Zyxwvut lattice surgery"));
        var notes = _backups.File("notes.db");
        await File.WriteAllTextAsync(notes, "not a database\n");

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "restore", notes);

        AssertOneLineError(exitCode, output, $"{notes} is not a ChatBot database");
        Assert.Equal(1, await CountPapersAsync(Path.Combine(_data.Path, "chatbot.db")));
        Assert.Equal("not a database\n", await File.ReadAllTextAsync(notes));
    }

    private static async Task<HttpResponseMessage> PostBackupAsync(HttpClient http, Uri url, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { path }) };
        request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request);
    }

    private static void AssertOneLineError(int exitCode, string output, string expected)
    {
        Assert.Equal(1, exitCode);
        var line = output.Trim();
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    private static async Task<int> ImportSeedsAsync(string dataDirectory)
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", dataDirectory, "import", SeedCorpus.Directory)).ExitCode);
        var (_, stats) = await CliRunner.RunAsync("--data-dir", dataDirectory, "stats", "--json");
        return JsonNode.Parse(stats)!["papers"]!.GetValue<int>();
    }

    private static async Task ImportAsync(string dataDirectory, string json)
    {
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", dataDirectory, "import", file);
        Assert.True(exitCode == 0, output);
    }

    private Task<(int ExitCode, string Output)> AskAsync(string command) => CliRunner.RunAsync("--data-dir", _data.Path, "ask", command);

    private static async Task<int> CountPapersAsync(string databaseFile)
    {
        using var database = new ChatBotDatabase(Options.Create(new StorageOptions
        {
            DataDirectory = Path.GetDirectoryName(databaseFile)!,
            DatabaseFile = Path.GetFileName(databaseFile),
        }));
        return (await new LiteDbPaperStore(database, TimeProvider.System).GetStatsAsync()).Papers;
    }

    private static string NewPaperJson(string title) => $$"""
        [{"paper":{"id":"2611.09999","title":"{{title}}","summary":"We braid {{title}} qubits and count the errors.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"{{title}}","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
