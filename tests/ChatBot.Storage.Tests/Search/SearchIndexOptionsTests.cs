using ChatBot.Core;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Search;

public sealed class SearchIndexOptionsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_empty_index_directory_stops_start_up_with_a_message_naming_the_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _data.Path,
            ["Search:IndexDirectory"] = "",
        });
        builder.AddChatBotCore();
        builder.AddChatBotStorage();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("IndexDirectory", error.Message, StringComparison.Ordinal);
    }
}
