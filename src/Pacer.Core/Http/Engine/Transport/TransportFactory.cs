using Pacer.Core.Http.Engine.Tls;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>Picks the byte pipe for a connection: plain or TLS, on the event loop or .NET's sockets.</summary>
internal static class TransportFactory
{
    /// <summary>Whether connections made with these options run on the event loop.</summary>
    public static bool OnEventLoop(ConnectionOptions options) =>
        options.UseEventLoop && EpollNative.IsSupported && (options.Tls is null || options.Tls.UsesOpenSsl);

    public static IConnectionTransport Create(ConnectionOptions options, Alpn alpn)
    {
        var onLoop = options.UseEventLoop && EpollNative.IsSupported;
        if (options.Tls is not { } tls)
        {
            return onLoop ? new EventLoopTransport() : new SocketTransport();
        }

        return onLoop && tls.UsesOpenSsl
            ? new OpenSslTransport(tls, alpn, options.Host, options.Port)
            : new SslStreamTransport(tls, alpn, options.Host, options.Port);
    }
}
