using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatBot.Admin;

/// <summary>
/// The admin endpoints' own listener: 127.0.0.1 on a port of their own, picked free at start and announced in the
/// instance file. However the public endpoints are exposed (0.0.0.0 in a container, a reverse proxy), <c>/admin</c>
/// is answered on this listener only, and this listener answers nothing else.
/// </summary>
internal sealed class AdminListener(int port)
{
    public const string PathPrefix = "/admin";

    public int Port { get; } = port;

    /// <summary>The address Kestrel listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    public Uri Url => new(Address + "/");

    /// <summary>
    /// A listener on a port nothing listens on right now (the OS picks it; Kestrel binds it moments later), other
    /// than any port of <paramref name="publicAddresses"/> (which may be free until Kestrel binds it too).
    /// </summary>
    public static AdminListener OnFreePort(IEnumerable<string> publicAddresses)
    {
        var taken = publicAddresses
            .Select(address => Uri.TryCreate(address.Replace("://+:", "://h:", StringComparison.Ordinal).Replace("://*:", "://h:", StringComparison.Ordinal), UriKind.Absolute, out var url) ? url.Port : -1)
            .ToHashSet();
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (!taken.Contains(port))
            {
                return new AdminListener(port);
            }
        }
    }

    /// <summary>True for a connection that came in on this listener (by its local address, not the Host header a caller chooses).</summary>
    public bool Serves(ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.LocalPort == Port && connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local);
    }

    /// <summary>True when Kestrel reports an address on this listener's port among those it listens on.</summary>
    public bool IsAmong(IEnumerable<string> addresses) =>
        addresses.Any(address => Uri.TryCreate(address, UriKind.Absolute, out var url) && url.Port == Port && url.IsLoopback);
}
