using System.Net;

namespace Pacer.Core.Http;

/// <summary>
/// One <see cref="HttpClient"/> per flow run, so each flow keeps its own cookies and connections.
/// Timeouts are applied per step by the caller, so the client itself never times out.
/// </summary>
public static class FlowHttpClientFactory
{
    /// <param name="cookies">The jar to use; a new one when null (pass one to seed it or read it).</param>
    public static HttpClient Create(bool followRedirects, bool insecure, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = followRedirects,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
        };

        if (insecure)
        {
            // --insecure exists precisely to accept self-signed certificates in test environments.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
