using ChatBot.Core.Telemetry;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>
/// <c>doctor</c> end to end through the CLI, against loopback fakes of Discord, Slack, Hugging Face and arXiv:
/// refused tokens and unreachable sources are failed rows with their fix and exit 1, a fully working setup
/// exits 0, and no token is ever printed.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DoctorCommandTests : IDisposable
{
    private const string DiscordToken = "discord-doctor-secret-token";
    private const string SlackBotToken = "xoxb-doctor-secret-token";
    private const string SlackAppToken = "xapp-doctor-secret-token";

    private const string AtomFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv Query</title><id>http://arxiv.org/api/x</id>
        <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1234</opensearch:totalResults></feed>
        """;

    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_Discord_token_that_gets_401_fails_with_the_fix_and_exit_code_1()
    {
        await using var discord = await LoopbackHttpServer.StartAsync();
        discord.Map("/api/v10/users/@me", _ => ScriptedResponse.Json("""{"message":"401: Unauthorized","code":0}""", 401));
        UseDiscord(discord);
        _environment.Set("Sources__HuggingFace__Enabled", "false");

        var (exitCode, output) = await DoctorAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains(RowOf(output, "Discord"), row => row.Contains("FAIL", StringComparison.Ordinal));
        Assert.Contains("Discord rejected the token (401)", Cells(output, "Discord"), StringComparison.Ordinal);
        Assert.Contains("Set Discord__Token to the bot token from the Developer Portal's Bot tab", Cells(output, "Discord"), StringComparison.Ordinal);
        Assert.Equal($"Bot {DiscordToken}", Assert.Single(discord.Requests).Header("Authorization"));
        AssertNoToken(output);
    }

    [Fact]
    public async Task A_Slack_bot_token_that_auth_test_accepts_passes_and_one_it_refuses_fails()
    {
        await using var slack = await LoopbackHttpServer.StartAsync();
        slack.Enqueue(
            "/api/auth.test",
            ScriptedResponse.Json("""{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"papers","team_id":"T1","user_id":"U9","bot_id":"B7"}"""),
            ScriptedResponse.Json("""{"ok":false,"error":"invalid_auth"}"""));
        UseSlack(slack, appToken: false);
        _environment.Set("Sources__HuggingFace__Enabled", "false");

        var (goodExit, good) = await DoctorAsync();
        var (badExit, bad) = await DoctorAsync();

        Assert.Equal(0, goodExit);
        Assert.Contains("pass", Cells(good, "Slack bot token"), StringComparison.Ordinal);
        Assert.Contains("bot user papers (U9) in Acme (T1)", Cells(good, "Slack bot token"), StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.Contains("FAIL", Cells(bad, "Slack bot token"), StringComparison.Ordinal);
        Assert.Contains("Slack rejected the bot token (invalid_auth)", Cells(bad, "Slack bot token"), StringComparison.Ordinal);
        Assert.Contains("Set Slack__BotToken to the Bot User OAuth Token", Cells(bad, "Slack bot token"), StringComparison.Ordinal);
        Assert.All(slack.Requests, r => Assert.Equal("Bearer " + SlackBotToken, r.Header("Authorization")));
        AssertNoToken(good + bad);
    }

    [Fact]
    public async Task A_source_whose_base_url_does_not_answer_fails()
    {
        _environment.Set("Sources__HuggingFace__BaseUrl", $"http://127.0.0.1:{LoopbackPort.Free()}");

        var (exitCode, output) = await DoctorAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL", Cells(output, "Hugging Face"), StringComparison.Ordinal);
        Assert.Contains("did not answer", Cells(output, "Hugging Face"), StringComparison.Ordinal);
        Assert.Contains("Sources__HuggingFace__Enabled=false", Cells(output, "Hugging Face"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everything_configured_and_answering_passes_every_check_and_exits_0()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await using var discord = await LoopbackHttpServer.StartAsync();
        discord.Map("/api/v10/users/@me", _ => ScriptedResponse.Json("""{"id":"222","username":"Papers","discriminator":"0","bot":true}"""));
        discord.Map("/api/v10/oauth2/applications/@me", _ => ScriptedResponse.Json($$"""{"id":"{{FakeDiscord.ApplicationId}}","name":"Papers app"}"""));
        await using var slack = await LoopbackHttpServer.StartAsync();
        slack.Map("/api/auth.test", _ => ScriptedResponse.Json("""{"ok":true,"team":"Acme","user":"papers","team_id":"T1","user_id":"U9","bot_id":"B7"}"""));
        slack.Map("/api/apps.connections.open", _ => ScriptedResponse.Json("""{"ok":true,"url":"wss://127.0.0.1:9/link/?ticket=never-dialed"}"""));
        await using var sources = await LoopbackHttpServer.StartAsync();
        sources.Map("/api/daily_papers", _ => ScriptedResponse.Json("[]"));
        sources.Map("/api/query", _ => ScriptedResponse.Xml(AtomFeed));
        UseDiscord(discord);
        UseSlack(slack, appToken: true);
        _environment.Set("Sources__HuggingFace__BaseUrl", sources.BaseAddress.AbsoluteUri);
        _environment.Set("Sources__Arxiv__Enabled", "true");
        _environment.Set("Sources__Arxiv__BaseUrl", sources.BaseAddress.AbsoluteUri);

        var (exitCode, output) = await DoctorAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("All 10 checks passed.", output, StringComparison.Ordinal);
        foreach (var check in new[] { "Configuration", "Runtime", "Database", "Search index", "Discord", "Slack bot token", "Slack Socket Mode", "Hugging Face", "arXiv", "Inbox" })
        {
            Assert.Contains("pass", Cells(output, check), StringComparison.Ordinal);
        }

        Assert.Contains("current with the database", Cells(output, "Search index"), StringComparison.Ordinal);
        // The doctor runs in this process: its collector is this one (a DOTNET_GCName choice shows here).
        Assert.Contains("garbage collector: " + GarbageCollectorInfo.Describe(), Cells(output, "Runtime"), StringComparison.Ordinal);
        Assert.Equal("1", sources.Requests.Single(r => r.Path == "/api/daily_papers").Query("limit"));
        Assert.Equal("0", sources.Requests.Single(r => r.Path == "/api/query").Query("max_results"));
        Assert.Equal("Bearer " + SlackAppToken, slack.Requests.Single(r => r.Path == "/api/apps.connections.open").Header("Authorization"));
        AssertNoToken(output);
    }

    [Fact]
    public async Task An_invalid_setting_is_a_failed_row_naming_it_not_a_crash()
    {
        _environment.Set("Sources__HuggingFace__Enabled", "false");
        _environment.Set("Ingest__BatchSize", "0");

        var (exitCode, output) = await DoctorAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL", Cells(output, "Configuration"), StringComparison.Ordinal);
        Assert.Contains("Ingest:BatchSize must be between", Cells(output, "Configuration"), StringComparison.Ordinal);
        Assert.Contains("(Ingest__BatchSize)", Cells(output, "Configuration"), StringComparison.Ordinal);
        Assert.Contains("pass", Cells(output, "Inbox"), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_database_fails_and_is_left_exactly_as_it_was()
    {
        _environment.Set("Sources__HuggingFace__Enabled", "false");
        var file = _data.File("chatbot.db");
        await File.WriteAllTextAsync(file, "not a database");

        var (exitCode, output) = await DoctorAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL", Cells(output, "Database"), StringComparison.Ordinal);
        Assert.Contains("cannot be read", Cells(output, "Database"), StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(file));
        Assert.False(Directory.Exists(_data.File("index")), "the doctor creates nothing in the data directory");
    }

    private Task<(int ExitCode, string Output)> DoctorAsync() => CliRunner.RunAsync("--data-dir", _data.Path, "doctor");

    private void UseDiscord(LoopbackHttpServer discord) => FakeDiscord.Configure(_environment, discord, DiscordToken);

    private void UseSlack(LoopbackHttpServer slack, bool appToken)
    {
        _environment.Set("Slack__BotToken", SlackBotToken);
        _environment.Set("Slack__ApiBaseUrl", new Uri(slack.BaseAddress, "api/").AbsoluteUri);
        if (appToken)
        {
            _environment.Set("Slack__AppToken", SlackAppToken);
        }
    }

    private static void AssertNoToken(string output)
    {
        foreach (var token in new[] { DiscordToken, SlackBotToken, SlackAppToken, "doctor-secret" })
        {
            Assert.DoesNotContain(token, output, StringComparison.Ordinal);
        }
    }

    /// <summary>The table lines of one check's row: its first line (the check's name in the first cell) and the wrapped lines under it.</summary>
    private static List<string> RowOf(string output, string check)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, line => FirstCell(line) == check);
        Assert.True(start >= 0, $"no '{check}' row in:\n{output}");
        var row = new List<string> { lines[start] };
        for (var i = start + 1; i < lines.Length && FirstCell(lines[i]) == ""; i++)
        {
            row.Add(lines[i]);
        }

        return row;
    }

    /// <summary>One check's row read back as text: each column's wrapped pieces joined with spaces, columns joined with " | ".</summary>
    private static string Cells(string output, string check)
    {
        var row = RowOf(output, check).Select(line => line.Trim().Trim('│').Split('│')).ToList();
        var columns = row.Max(cells => cells.Length);
        return string.Join(" | ", Enumerable.Range(0, columns).Select(column =>
            string.Join(' ', row.Where(cells => column < cells.Length).Select(cells => cells[column].Trim()).Where(piece => piece.Length > 0))));
    }

    private static string? FirstCell(string line) =>
        line.StartsWith('│') ? line.Split('│', StringSplitOptions.None)[1].Trim() : null;
}
