using System.Net;
using System.Net.Sockets;

namespace Pacer.TestSupport;

/// <summary>A loopback port nothing listens on (bound and released), for refused-connection tests.</summary>
public static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
