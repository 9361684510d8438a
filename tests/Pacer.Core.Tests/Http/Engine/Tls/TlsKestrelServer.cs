using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Core.Tests.HttpEngine.Tls;

/// <summary>
/// Kestrel on 127.0.0.1 with a random port: over TLS with the certificate given (HTTP/1.1 and
/// HTTP/2 by ALPN, optionally requiring a client certificate issued by the test CA), or plain with
/// HTTP/2 only (h2c prior knowledge).
/// </summary>
internal sealed class TlsKestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TlsKestrelServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static Task<TlsKestrelServer> StartAsync(X509Certificate2 certificate, bool requireClientCertificate = false, Action<WebApplication>? map = null, bool http11Only = false) =>
        StartAsync(listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = certificate;
            if (requireClientCertificate)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (client, _, _) => client.Issuer == TestCertificates.Instance.Ca.Subject;
            }
        }), http11Only ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2, map);

    /// <summary>Plain HTTP speaking only HTTP/2: a client must use prior knowledge (h2c).</summary>
    public static Task<TlsKestrelServer> StartH2cAsync(Action<WebApplication>? map = null) => StartAsync(_ => { }, HttpProtocols.Http2, map);

    /// <summary>Plain HTTP/1.1 (for a TLS client pointed at a plain port).</summary>
    public static Task<TlsKestrelServer> StartPlainAsync() => StartAsync(_ => { }, HttpProtocols.Http1, null);

    private static async Task<TlsKestrelServer> StartAsync(Action<ListenOptions> configure, HttpProtocols protocols, Action<WebApplication>? map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxResponseBufferSize = null;
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
            k.Listen(System.Net.IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = protocols;
                configure(listen);
            });
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        if (map is null)
        {
            app.MapGet("/hello", (HttpContext context) => Results.Text($"hello over {context.Request.Protocol}"));
        }
        else
        {
            map(app);
        }

        await app.StartAsync(TestCancellation.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TlsKestrelServer(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
