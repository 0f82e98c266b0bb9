using ChatBot.Core.Storage;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Tests.Health;

/// <summary>Database readiness: ready when the database opens and answers; not ready, saying why, when it cannot be opened.</summary>
public sealed class DatabaseHealthCheckTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_database_that_opens_is_ready_with_its_revision()
    {
        var result = await CheckAsync(_data.Path);

        Assert.Equal((HealthStatus.Healthy, "open, at revision 0"), (result.Status, result.Description));
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_is_not_ready_and_says_why()
    {
        await File.WriteAllTextAsync(_data.File("not-a-folder"), "x");

        var result = await CheckAsync(Path.Combine(_data.File("not-a-folder"), "data"));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("cannot be read: ", result.Description, StringComparison.Ordinal);
    }

    private static async Task<HealthCheckResult> CheckAsync(string dataDirectory)
    {
        await using var app = ChatBotHost.CreateBuilder(SilentConsole.Create(), new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory }).Build();
        return await new DatabaseHealthCheck(app.Services.GetRequiredService<IPaperStore>()).CheckHealthAsync(new HealthCheckContext());
    }
}
