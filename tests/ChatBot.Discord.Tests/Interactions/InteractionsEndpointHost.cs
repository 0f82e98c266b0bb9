using System.Net;
using System.Text;
using ChatBot.Core.Commands;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Rest;
using ChatBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace ChatBot.Discord.Tests.Interactions;

/// <summary>
/// A web host like the bot's (AddChatBotDiscord + MapDiscordInteractions) on 127.0.0.1, with a
/// fresh Ed25519 key pair standing in for Discord's, and a loopback REST fake for deferred edits.
/// </summary>
internal sealed class InteractionsEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InteractionsEndpointHost(WebApplication app, LoopbackHttpServer rest, Key key, FakeSearchHandler search, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        Rest = rest;
        Key = key;
        Search = search;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Http { get; }

    public LoopbackHttpServer Rest { get; }

    public Key Key { get; }

    public FakeSearchHandler Search { get; }

    /// <summary>The host's clock; requests are signed with its time unless a test says otherwise.</summary>
    public TimeProvider Clock { get; }

    public static async Task<InteractionsEndpointHost> StartAsync(bool withPublicKey = true, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        var rest = await LoopbackHttpServer.StartAsync();
        var search = new FakeSearchHandler();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = withPublicKey ? Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant() : null,
            ["Discord:ApplicationId"] = FakeDiscordRest.ApplicationId,
            ["Discord:ApiBaseUrl"] = new Uri(rest.BaseAddress, "api/v10").AbsoluteUri,
            ["Discord:DeferAfter"] = "00:00:00.200",
        });
        builder.AddChatBotDiscord();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ICommandHandler>(search);
        builder.Services.AddSingleton<CommandRouter>();
        var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        return new InteractionsEndpointHost(app, rest, key, search, clock);
    }

    /// <summary>
    /// POSTs <paramref name="body"/> signed as Discord signs it, stamped with <paramref name="signedAt"/> (default: now on
    /// <see cref="Clock"/>); <paramref name="tamper"/> may change the request after signing.
    /// </summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string body, Action<HttpRequestMessage>? tamper = null, Key? signer = null, DateTimeOffset? signedAt = null)
    {
        var timestamp = (signedAt ?? Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(signer ?? Key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        tamper?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Rest.DisposeAsync();
        Key.Dispose();
    }
}
