using System.Net;
using System.Net.Http.Json;
using ChatBot.Admin;
using ChatBot.Hosting;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// Where the bot listens follows the standard ASP.NET Core settings, as any ASP.NET Core app's does
/// (https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints: <c>--urls</c>, <c>Urls</c> /
/// <c>ASPNETCORE_URLS</c>, then <c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c>); loopback port 8080
/// only when none is set.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ListenAddressTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("--urls")]
    [InlineData("Urls")]
    [InlineData("Kestrel__Endpoints__Web__Url")]
    public async Task The_standard_setting_decides_where_the_bot_serves_healthz_and_the_admin_listener_joins_it(string setting)
    {
        await using var bot = await RunningBot.StartAsync(_data.Path, listen: setting);
        var instance = InstanceFile.TryRead(Path.Combine(_data.Path, InstanceFile.FileName));
        using var http = new HttpClient();

        using var health = await http.GetAsync(new Uri(bot.Url, "/healthz"));
        // With the token and a relative path: the admin endpoint itself answers (400), so its listener is there.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance!.Url, AdminEndpoints.BackupPath))
        {
            Content = JsonContent.Create(new { path = "relative.db" }),
        };
        request.Headers.Authorization = new("Bearer", instance.Token);
        using var admin = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
    }

    [Fact]
    public void With_no_address_set_the_bot_listens_on_loopback_port_8080_only()
    {
        // The .NET container images set ASPNETCORE_HTTP_PORTS=8080 (the Dockerfile's test stage runs in one).
        foreach (var name in new[] { "Urls", "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS", "HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTPS_PORTS", "HTTPS_PORTS" })
        {
            _environment.Remove(name);
        }

        var configuration = ChatBotHost.CreateBuilder(SilentConsole.Create()).Configuration;

        Assert.Equal(["http://127.0.0.1:8080"], ListenAddresses.Public(configuration));
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), ListenAddresses.LocalUrl(configuration));
    }

    [Theory]
    [InlineData("urls=http://127.0.0.1:9000;http_ports=8080", "http://127.0.0.1:9000")]
    [InlineData("http_ports=8080;https_ports=8443", "http://*:8080 https://*:8443")]
    [InlineData("http_ports=8080,8081", "http://*:8080 http://*:8081")]
    [InlineData("Kestrel:Endpoints:Web:Url=http://127.0.0.1:7000;urls=http://127.0.0.1:9000", "http://127.0.0.1:7000")]
    public void Urls_beat_the_ports_settings_and_Kestrel_endpoints_beat_both(string settings, string addresses)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Split(';').Select(s => s.Split('=')).ToDictionary(kv => kv[0], kv => (string?)kv[1].Replace(',', ';')))
            .Build();

        Assert.Equal(addresses.Split(' '), ListenAddresses.Public(configuration));
    }

    [Fact]
    public async Task The_healthcheck_verb_asks_where_ASPNETCORE_HTTP_PORTS_says_the_bot_listens()
    {
        var port = LoopbackPort.Free();
        _environment.Set("ASPNETCORE_HTTP_PORTS", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (exitCode, output) = await CliRunner.RunAsync("healthcheck");

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"Not answering: http://127.0.0.1:{port}/healthz", output, StringComparison.Ordinal);
    }
}
