using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Http2;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Core.Tests.HttpEngine.Tls;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine.Http2;

/// <summary>HTTP/2 against real servers: Kestrel (h2c and TLS with ALPN h2) and nginx with TLS.</summary>
public sealed class Http2ServerTests
{
    private static readonly byte[] Large = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 123);

    private static void MapRoutes(WebApplication app)
    {
        app.MapGet("/hello", (HttpContext context) => Results.Text($"hello over {context.Request.Protocol}"));
        app.MapGet("/large", () => Results.Bytes(Large, "application/octet-stream"));
        app.MapPost("/echo-length", async (HttpContext context) =>
        {
            using var memory = new MemoryStream();
            await context.Request.Body.CopyToAsync(memory);
            return Results.Text(Convert.ToHexString(SHA256.HashData(memory.ToArray())));
        });
    }

    private static ConnectionOptions Options(int port, TlsOptions? tls = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Tls = tls,
        CaptureBody = true,
        MaxCapturedBodyBytes = 8 * 1024 * 1024,
        CapturedHeaders = ["content-type"],
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public async Task Multiplexes_many_concurrent_streams_over_two_h2c_connections_to_kestrel()
    {
        await using var server = await TlsKestrelServer.StartH2cAsync(MapRoutes);
        using var pool = new Http2ConnectionPool(Options(server.Port), 2);
        var request = PreparedRequest.Create("GET", $"127.0.0.1:{server.Port}", "/hello");
        var channels = Enumerable.Range(0, 200).Select(_ => pool.CreateChannel()).ToArray();

        var statuses = await Task.WhenAll(channels.Select(async channel =>
        {
            var ok = 0;
            for (var i = 0; i < 10; i++)
            {
                var result = await channel.SendAsync(request, TestCancellation.Token);
                ok += result.StatusCode == 200 && Encoding.UTF8.GetString(channel.Response.Body.Span) == "hello over HTTP/2" ? 1 : 0;
            }

            return ok;
        }));

        Assert.Equal(2000, statuses.Sum());
        Assert.Equal(2, pool.ConnectCount);
        Assert.StartsWith("text/plain", channels[0].Response.GetHeader("content-type"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TlsBackend.OpenSsl)]
    [InlineData(TlsBackend.SslStream)]
    public async Task Carries_large_bodies_both_ways_across_frames_and_windows_over_tls_with_alpn(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartAsync(TestCertificates.Instance.Server, map: MapRoutes);
        using var pool = new Http2ConnectionPool(Options(server.Port, new TlsOptions { CaCertificateFile = TestCertificates.Instance.CaFile, Backend = backend }), 1);
        using var channel = pool.CreateChannel();
        using var other = pool.CreateChannel();

        var download = channel.SendAsync(PreparedRequest.Create("GET", $"127.0.0.1:{server.Port}", "/large"), TestCancellation.Token);
        var upload = other.SendAsync(PreparedRequest.Create("POST", $"127.0.0.1:{server.Port}", "/echo-length", body: Large), TestCancellation.Token);
        var (downloaded, uploaded) = (await download, await upload);

        Assert.True(downloaded.Succeeded, $"{downloaded.Failure}: {channel.Response.ErrorMessage}");
        Assert.Equal(Large.Length, downloaded.BodyBytes);
        Assert.Equal(Large, channel.Response.Body.ToArray());
        Assert.True(uploaded.Succeeded, $"{uploaded.Failure}: {other.Response.ErrorMessage}");
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Large)), Encoding.UTF8.GetString(other.Response.Body.Span));
        Assert.True(downloaded.Timings.TlsHandshakingNanoseconds > 0 || uploaded.Timings.TlsHandshakingNanoseconds > 0);
        Assert.Equal(1, pool.ConnectCount);
    }

    [Fact]
    public async Task Says_so_when_a_tls_server_does_not_offer_h2()
    {
        await using var server = await TlsKestrelServer.StartAsync(TestCertificates.Instance.Server, map: MapRoutes, http11Only: true);
        using var pool = new Http2ConnectionPool(Options(server.Port, new TlsOptions { CaCertificateFile = TestCertificates.Instance.CaFile }), 1);
        using var channel = pool.CreateChannel();

        var result = await channel.SendAsync(PreparedRequest.Create("GET", $"127.0.0.1:{server.Port}", "/hello"), TestCancellation.Token);

        Assert.Equal(HttpFailureKind.Protocol, result.Failure);
        Assert.Contains("without --http2", channel.Response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_64_streams_over_8_tls_connections_against_nginx()
    {
        await using var nginx = await NginxTls.StartAsync();
        using var pool = new Http2ConnectionPool(Options(nginx.Port, new TlsOptions { Insecure = true }), 8);
        var request = PreparedRequest.Create("GET", $"127.0.0.1:{nginx.Port}", "/");
        var channels = Enumerable.Range(0, 64).Select(_ => pool.CreateChannel()).ToArray();
        var ok = await Task.WhenAll(channels.Select(async channel =>
        {
            var count = 0;
            for (var i = 0; i < 50; i++)
            {
                var result = await channel.SendAsync(request, TestCancellation.Token);
                count += result.StatusCode == 200 && channel.Response.Body.Span.SequenceEqual("{\"status\":\"ok\"}"u8) ? 1 : 0;
            }

            return count;
        }));

        Assert.Equal(64 * 50, ok.Sum());
        Assert.Equal(8, pool.ConnectCount);
    }
}
