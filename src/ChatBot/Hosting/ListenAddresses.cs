using Microsoft.AspNetCore.Hosting;

namespace ChatBot.Hosting;

/// <summary>
/// Where the bot's public HTTP endpoints listen, worked out as ASP.NET Core does (so a setting means what it
/// means for any ASP.NET Core app), and the one URL a local caller (the healthcheck verb, Docker's health check)
/// should use to reach the bot.
/// </summary>
/// <remarks>
/// The standard settings, strongest first: <c>--urls</c>; <c>Urls</c> (also the environment variables
/// <c>Urls</c>, <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>); else <c>HTTP_PORTS</c> and <c>HTTPS_PORTS</c>
/// (<c>ASPNETCORE_HTTP_PORTS</c>, …), each port on every interface. With none of them set the bot listens on
/// <see cref="Default"/>, the loopback address only. See
/// https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints#configure-endpoints.
/// </remarks>
internal static class ListenAddresses
{
    /// <summary>Where the bot listens when nothing says otherwise: this machine only.</summary>
    public const string Default = "http://127.0.0.1:8080";

    /// <summary>Kestrel's own endpoint settings (<c>Kestrel:Endpoints:NAME:Url</c>), which replace all the others.</summary>
    public const string KestrelEndpointsSection = "Kestrel:Endpoints";

    /// <summary>
    /// The addresses the public endpoints listen on: those of <c>Kestrel:Endpoints</c> when any is set, else
    /// <c>Urls</c> when set, else one per <c>HTTP_PORTS</c> and <c>HTTPS_PORTS</c> port (on every interface), else
    /// <see cref="Default"/>.
    /// </summary>
    public static string[] Public(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (KestrelEndpoints(configuration) is { Length: > 0 } endpoints)
        {
            return endpoints;
        }

        if (Split(configuration[WebHostDefaults.ServerUrlsKey]) is { Length: > 0 } urls)
        {
            return urls;
        }

        var ports = Ports(configuration, WebHostDefaults.HttpPortsKey, Uri.UriSchemeHttp)
            .Concat(Ports(configuration, WebHostDefaults.HttpsPortsKey, Uri.UriSchemeHttps))
            .ToArray();
        return ports.Length > 0 ? ports : [Default];
    }

    /// <summary>The one of <see cref="Public"/> a local caller should use (see <see cref="LocalUrl(IEnumerable{string})"/>).</summary>
    public static Uri? LocalUrl(IConfiguration configuration) => LocalUrl(Public(configuration));

    /// <summary>
    /// The address to call: an http one before https (no certificate to trust), and a wildcard host
    /// (0.0.0.0, [::], +, *) as the loopback address. Null when none parses.
    /// </summary>
    public static Uri? LocalUrl(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var urls = new List<Uri>();
        foreach (var address in addresses)
        {
            var text = address.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal).Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal);
            if (Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                var host = url.Host switch
                {
                    "0.0.0.0" => "127.0.0.1",
                    "[::]" => "[::1]",
                    _ => url.Host,
                };
                urls.Add(new UriBuilder(url) { Host = host }.Uri);
            }
        }

        return urls.OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1).FirstOrDefault();
    }

    /// <summary>The addresses of a <c>Urls</c> setting (separated by ';').</summary>
    public static string[] Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True for an http or https address Kestrel can listen on.</summary>
    public static bool IsValid(string address) => LocalUrl([address]) is { Scheme: "http" or "https" };

    /// <summary>The URLs of the endpoints in Kestrel's own settings, if any.</summary>
    public static string[] KestrelEndpoints(IConfiguration configuration) =>
        [.. configuration.GetSection(KestrelEndpointsSection).GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>()];

    // As ASP.NET Core expands them: "8080;8081" listens on http://*:8080 and http://*:8081.
    private static IEnumerable<string> Ports(IConfiguration configuration, string key, string scheme) =>
        Split(configuration[key]).Select(port => $"{scheme}://*:{port}");
}
