namespace ChatBot.Hosting;

/// <summary>
/// Kestrel listen addresses (<c>Urls</c>) as seen from this machine: the checks of the setting, and the
/// one URL a local caller (the CLI, Docker's health check) should use to reach the bot.
/// </summary>
internal static class ListenAddresses
{
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
}
