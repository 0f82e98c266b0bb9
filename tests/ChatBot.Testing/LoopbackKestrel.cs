using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>The Kestrel every fake runs on: 127.0.0.1 on a port the OS picks, silent, one request handler.</summary>
internal static class LoopbackKestrel
{
    public static WebApplication Create(RequestDelegate handler, bool webSockets = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        if (webSockets)
        {
            app.UseWebSockets();
        }

        app.Run(handler);
        return app;
    }

    /// <summary>Starts <paramref name="app"/> and returns its address, e.g. <c>http://127.0.0.1:41234/</c> (<c>ws://</c> with <paramref name="webSocket"/>).</summary>
    public static async Task<Uri> StartAsync(WebApplication app, bool webSocket = false)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var scheme = webSocket ? address.Replace("http://", "ws://", StringComparison.Ordinal) : address;
        return new Uri(scheme.TrimEnd('/') + "/");
    }
}
