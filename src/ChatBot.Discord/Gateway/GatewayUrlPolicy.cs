namespace ChatBot.Discord.Gateway;

/// <summary>
/// Which gateway URLs (from <c>GET /gateway/bot</c> or READY's <c>resume_gateway_url</c>) the client
/// connects to: <c>wss://</c> always; <c>ws://</c> only to a loopback host while the REST API is
/// itself plain http on loopback, which is how the tests' fakes run. Discord documents the gateway
/// URL as a WSS URL (https://discord.com/developers/docs/events/gateway#connecting); the bot token
/// travels in Identify and Resume, so it never goes over an unencrypted connection to another host.
/// </summary>
internal static class GatewayUrlPolicy
{
    public static bool IsAllowed(Uri url, Uri apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        return url.Scheme == Uri.UriSchemeWss
            || (url.Scheme == Uri.UriSchemeWs && url.IsLoopback && apiBaseUrl.IsAbsoluteUri && apiBaseUrl.Scheme == Uri.UriSchemeHttp && apiBaseUrl.IsLoopback);
    }

    /// <summary>Reads <paramref name="text"/> as a gateway URL the client may use; false when it is not one.</summary>
    public static bool TryRead(string? text, Uri apiBaseUrl, out Uri? url)
    {
        url = Uri.TryCreate(text, UriKind.Absolute, out var parsed) && IsAllowed(parsed, apiBaseUrl) ? parsed : null;
        return url is not null;
    }

    /// <summary>The URL's scheme and host, for logs (a gateway URL holds no secret, but keep it short).</summary>
    public static string Describe(Uri url) => url.IsAbsoluteUri ? $"{url.Scheme}://{url.Authority}" : "a relative URL";
}
