using System.Net;

namespace Pacer.Core.Http.Engine;

/// <summary>Turns a host and port into the address an engine connection dials (an IP literal, or the first DNS answer).</summary>
internal static class EndPoints
{
    public static async ValueTask<EndPoint> ResolveAsync(string host, int port)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
        return new IPEndPoint(addresses[0], port);
    }
}
