using System.Globalization;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class ArxivSourceTests : IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Newest_papers_of_the_categories_are_paged_one_request_at_a_time_3_s_apart_with_a_named_user_agent()
    {
        _server.Map("/api/query", request => ScriptedResponse.Xml(Feed(int.Parse(request.Query("start")!, CultureInfo.InvariantCulture))));
        using var host = SourcesHost.Build(new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:Enabled"] = "false",
            ["Sources:Arxiv:Enabled"] = "true",
            ["Sources:Arxiv:BaseUrl"] = _server.BaseAddress.ToString(),
            ["Sources:Arxiv:Categories:0"] = "cs.CL",
            ["Sources:Arxiv:Categories:1"] = "cs.CV",
            ["Sources:Arxiv:MaxResults"] = "2",
            ["Sources:Arxiv:PageSize"] = "1",
        });

        var batches = await host.Source("arxiv").FetchAllAsync();

        Assert.Equal(["2601.00000", "2601.00001"], batches.SelectMany(b => b.Papers).Select(p => p.Id.Value));
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Contains("cat:cs.CL", requests[0].Query("search_query"), StringComparison.Ordinal);
        Assert.Contains("cat:cs.CV", requests[0].Query("search_query"), StringComparison.Ordinal);
        Assert.Equal("descending", requests[0].Query("sortOrder"));
        Assert.Equal(["0", "1"], requests.Select(r => r.Query("start")));
        Assert.Contains("ChatBot", requests[0].Header("User-Agent"), StringComparison.Ordinal);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(2.95));
    }

    private static string Feed(int index) => string.Create(CultureInfo.InvariantCulture, $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
          <entry>
            <id>http://arxiv.org/abs/2601.{index:D5}v2</id>
            <published>2026-01-02T18:00:00Z</published>
            <updated>2026-01-03T18:00:00Z</updated>
            <title>Paper
              {index}</title>
            <summary>About paper {index}.</summary>
            <author><name>Ada Lovelace</name></author>
            <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
        </feed>
        """);
}
