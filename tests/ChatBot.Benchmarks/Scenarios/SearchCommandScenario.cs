using System.Diagnostics;
using System.Text.Json;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Queries;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Discord.Rendering;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// The search command end to end, as a user waits for it: the command text parsed (<see cref="TextCommandParser"/>),
/// routed to the real handler (query parsed, index searched, papers read from LiteDB, the reply built), then
/// rendered as a Discord message and as Block Kit and serialized to the JSON each platform is sent. The sending
/// itself is not timed. Runs the same query mix as <see cref="SearchScenario"/>, at the command's default page size,
/// after a warm-up until the JIT settled (<see cref="JitWarmUp"/>).
/// </summary>
internal sealed class SearchCommandScenario : IBenchmarkScenario
{
    private const string Section = "Search command";

    private static readonly Caller Benchmark = new("benchmark", new ChatUser("benchmark"));
    private static readonly JsonSerializerOptions DiscordJson = new(JsonSerializerDefaults.Web);

    public string Name => "search-command";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var router = context.Services.GetRequiredService<CommandRouter>();
        var discord = new DiscordReplyRenderer(new DiscordActionIds());
        var corpus = context.Corpus;
        var mix = new QueryMix(context.Settings.Seed, corpus.Vocabulary, corpus.Authors);
        var warmUpMix = QueryMix.ForWarmUp(context.Settings.Seed, corpus.Vocabulary, corpus.Authors);
        var warmUp = await JitWarmUp.RunAsync(SearchScenario.WarmUpQueries, step => RunAsync((step < SearchScenario.WarmUpQueries ? mix : warmUpMix).Next()));

        var queries = mix.Take(context.Settings.Queries);
        SearchScenario.FailOnMismatch(queries);
        var recorder = new LatencyRecorder(queries.Count);
        var progress = new ProgressLine(context.Progress, "search command", queries.Count);
        long bytes = 0;
        var papersShown = 0;
        var jit = JitActivity.Start();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var (reply, discordJson, slackJson) = await RunAsync(query);
            recorder.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (reply.IsError)
            {
                throw new BenchmarkFailedException($"the search command answered '{query.Text}' with an error: {string.Join(' ', reply.Text)}");
            }

            bytes += discordJson + slackJson;
            papersShown += reply.Papers.Count;
            progress.Report(recorder.Count);
        }

        jit.Report(report, Section, "search_command", warmUp, "commands");
        report.Add(Section, "search_command_queries", "commands timed", recorder.Count);
        report.AddLatency(Section, "search_command", "search command", recorder.Summarize());
        report.Add(Section, "search_command_mean_papers", "mean papers per reply", recorder.Count == 0 ? 0 : (double)papersShown / recorder.Count);
        report.Add(Section, "search_command_mean_json_bytes", "mean Discord + Slack JSON", recorder.Count == 0 ? 0 : (double)bytes / recorder.Count, "bytes");

        async Task<(Reply Reply, int DiscordBytes, int SlackBytes)> RunAsync(BenchmarkQuery query)
        {
            var request = TextCommandParser.ParseArguments(CommandCatalog.PapersCommand, "search " + query.Text) with { Caller = Benchmark };
            var reply = await router.HandleAsync(request, cancellationToken);
            var discordBytes = JsonSerializer.SerializeToUtf8Bytes(discord.Render(reply), DiscordJson).Length;
            var slackBytes = JsonSerializer.SerializeToUtf8Bytes(SlackReplyRenderer.Render(reply), SlackJson.Options).Length;
            return (reply, discordBytes, slackBytes);
        }
    }
}
