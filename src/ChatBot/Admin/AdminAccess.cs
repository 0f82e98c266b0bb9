using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Admin;

/// <summary>
/// Who may call the admin endpoints of this running bot: a caller on the same machine (loopback), on the admin
/// listener, with the
/// token drawn at start. The token is written only to the owner-only instance file, compared in constant
/// time, and never logged.
/// </summary>
internal sealed class AdminAccess(AdminListener listener)
{
    public const string Scheme = "Bearer";

    public string Token { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public bool Allows(HttpContext context) =>
        listener.Serves(context.Connection)
        && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && CarriesToken(context.Request);

    private bool CarriesToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var prefix = Scheme + " ";
        return header.StartsWith(prefix, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..]), Encoding.UTF8.GetBytes(Token));
    }
}
