using System.Net;
using System.Net.Sockets;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// Turns a host and port into the addresses an engine connection dials, and dials them: a name may
/// resolve to several addresses (localhost: ::1 and 127.0.0.1) while the server listens on one only,
/// so each is tried in turn while the connection is refused, as HttpClient does; the one that
/// answered goes first next time.
/// </summary>
internal static class EndPoints
{
    public static async ValueTask<IPEndPoint[]> ResolveAsync(string host, int port)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return [new IPEndPoint(address, port)];
        }

        var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
        return [.. addresses.Select(a => new IPEndPoint(a, port))];
    }

    public static async ValueTask ConnectAsync(IConnectionTransport transport, IPEndPoint[] endPoints, TimeSpan connectTimeout)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                await transport.ConnectAsync(endPoints[i], connectTimeout).ConfigureAwait(false);
                if (i > 0)
                {
                    (endPoints[0], endPoints[i]) = (endPoints[i], endPoints[0]);
                }

                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused && i + 1 < endPoints.Length)
            {
                transport.Close();
            }
        }
    }
}
