using System.Text;
using Pacer.Core.Execution;
using Pacer.Core.Http.Engine;

namespace Pacer.Core.Http;

/// <summary>
/// A rendered request serialised for the engine, with the scheme, host and port of the connection
/// it goes to (<c>http://</c> or <c>https://</c>; anything else is sent with HttpClient, see
/// <see cref="TransportChoice"/>).
/// </summary>
public sealed class EngineRequest(PreparedRequest prepared, string host, int port, bool secure = false)
{
    /// <summary>https: the connection speaks TLS.</summary>
    public bool Secure { get; } = secure;

    public PreparedRequest Prepared { get; } = prepared;

    public string Host { get; } = host;

    public int Port { get; } = port;

    public static EngineRequest? TryCreate(RequestSummary request)
    {
        if (TransportChoice.WhyNotEngine(request.Url) is not null || !Uri.TryCreate(request.Url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var hostHeader = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        var target = uri.PathAndQuery;
        var body = request.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(request.Body);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        var secure = uri.Scheme == Uri.UriSchemeHttps;
        return new EngineRequest(PreparedRequest.Create(request.Method, hostHeader, target, request.Headers, body), host, uri.Port, secure);
    }
}
