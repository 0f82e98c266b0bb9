using System.Net;
using System.Net.Sockets;

namespace ChatBot.Testing;

/// <summary>Ports on 127.0.0.1 for tests that must name one before anything listens on it.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port nothing listens on right now: the OS picks it, and the probe closes it at once. A test binds it
    /// (<c>Urls</c> for the bot) or relies on nothing answering there.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
