using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Tls;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine.Tls;

/// <summary>HTTP/1.1 over TLS against Kestrel, on both TLS implementations: trust, mTLS and every certificate failure.</summary>
public sealed class TlsConnectionTests
{
    public static TheoryData<TlsBackend> Backends => [TlsBackend.OpenSsl, TlsBackend.SslStream];

    private static TestCertificates Certificates => TestCertificates.Instance;

    private static Http11Connection Connect(int port, TlsOptions tls) => new(new ConnectionOptions
    {
        Host = "127.0.0.1",
        Port = port,
        Tls = tls,
        CaptureBody = true,
        RequestTimeout = TimeSpan.FromSeconds(10),
    });

    private static async Task<(HttpExchangeResult Result, HttpResponseView Response)> GetAsync(int port, TlsOptions tls, string path = "/hello")
    {
        var connection = Connect(port, tls);
        var result = await connection.SendAsync(PreparedRequest.Create("GET", $"127.0.0.1:{port}", path), TestCancellation.Token);
        return (result, connection.Response);
    }

    private static TlsOptions Trusting(TlsBackend backend) => new() { CaCertificateFile = Certificates.CaFile, Backend = backend };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Sends_requests_over_tls_trusting_the_ca_file_and_records_each_phase(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartAsync(Certificates.Server);
        using var connection = Connect(server.Port, Trusting(backend));
        var request = PreparedRequest.Create("GET", $"127.0.0.1:{server.Port}", "/hello");

        var first = await connection.SendAsync(request, TestCancellation.Token);
        Assert.True(first.Succeeded, $"{first.Failure}: {connection.Response.ErrorMessage}");
        Assert.Equal(200, first.StatusCode);
        Assert.Equal("hello over HTTP/1.1", Encoding.UTF8.GetString(connection.Response.Body.Span));
        Assert.True(first.Timings.ConnectingNanoseconds > 0);
        Assert.True(first.Timings.TlsHandshakingNanoseconds > 0);
        Assert.True(first.Timings.WaitingNanoseconds > 0);

        for (var i = 0; i < 20; i++)
        {
            var next = await connection.SendAsync(request, TestCancellation.Token);
            Assert.Equal(200, next.StatusCode);
            Assert.Equal(0, next.Timings.ConnectingNanoseconds);
            Assert.Equal(0, next.Timings.TlsHandshakingNanoseconds);
        }

        Assert.Equal(1, connection.ConnectCount);
    }

    [Fact]
    public async Task A_new_connection_resumes_the_tls_session_of_the_last_one_against_nginx()
    {
        await using var nginx = await NginxTls.StartAsync();
        using var connection = Connect(nginx.Port, new TlsOptions { Insecure = true, Backend = TlsBackend.OpenSsl });
        // nginx closes the connection after answering a request that asks it to.
        var request = PreparedRequest.Create("GET", $"127.0.0.1:{nginx.Port}", "/", [new("Connection", "close")]);

        Assert.Equal(200, (await connection.SendAsync(request, TestCancellation.Token)).StatusCode);
        Assert.False(connection.ResumedTlsSession);
        var second = await connection.SendAsync(request, TestCancellation.Token);

        Assert.Equal(200, second.StatusCode);
        Assert.Equal(2, connection.ConnectCount);
        Assert.True(connection.ResumedTlsSession);
        Assert.True(second.Timings.TlsHandshakingNanoseconds > 0);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Mutual_tls_needs_the_client_certificate_and_says_so_without_one(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartAsync(Certificates.Server, requireClientCertificate: true);

        var withCertificate = await GetAsync(server.Port, Trusting(backend) with
        {
            ClientCertificateFile = Certificates.ClientCertificateFile,
            ClientKeyFile = Certificates.ClientKeyFile,
        });
        Assert.True(withCertificate.Result.Succeeded, $"{withCertificate.Result.Failure}: {withCertificate.Response.ErrorMessage}");
        Assert.Equal(200, withCertificate.Result.StatusCode);

        var without = await GetAsync(server.Port, Trusting(backend));
        Assert.False(without.Result.Succeeded);
        if (backend == TlsBackend.OpenSsl)
        {
            Assert.Equal(HttpFailureKind.TlsHandshake, without.Result.Failure);
            Assert.Contains("--cert", without.Response.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_untrusted_certificate_fails_with_its_own_kind_and_advice(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartAsync(Certificates.SelfSigned);
        var (result, response) = await GetAsync(server.Port, Trusting(backend));
        Assert.Equal(HttpFailureKind.CertificateUntrusted, result.Failure);
        Assert.Contains("--ca-cert", response.ErrorMessage, StringComparison.Ordinal);

        var insecure = await GetAsync(server.Port, new TlsOptions { Insecure = true, Backend = backend });
        Assert.Equal(200, insecure.Result.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_expired_certificate_fails_as_expired(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartAsync(Certificates.Expired);
        var (result, response) = await GetAsync(server.Port, Trusting(backend));
        Assert.Equal(HttpFailureKind.CertificateExpired, result.Failure);
        Assert.Contains("renew", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_certificate_for_another_name_fails_as_a_mismatch(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartAsync(Certificates.OtherName);
        var (result, response) = await GetAsync(server.Port, Trusting(backend));
        Assert.Equal(HttpFailureKind.CertificateNameMismatch, result.Failure);
        Assert.Contains("not for 127.0.0.1", response.ErrorMessage, StringComparison.Ordinal);

        // Asking for the name the certificate carries (SNI and the check) makes it pass.
        var named = await GetAsync(server.Port, Trusting(backend) with { ServerName = "other.example" });
        Assert.Equal(200, named.Result.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_plain_http_server_on_a_tls_port_is_named_as_such(TlsBackend backend)
    {
        await using var server = await TlsKestrelServer.StartPlainAsync();
        var (result, response) = await GetAsync(server.Port, Trusting(backend));
        Assert.Equal(HttpFailureKind.NotTls, result.Failure);
        Assert.Contains("use http://", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tls_server_on_a_plain_port_is_named_as_such()
    {
        // A TLS server answers a plain request with a TLS alert record (0x15), never with "HTTP/1.x".
        using var server = new RawTcpServer((socket, _) =>
        {
            RawTcpServer.ReadRequestHead(socket, new byte[4096]);
            socket.Send([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46]);
        });
        using var connection = new Http11Connection(new ConnectionOptions { Host = "127.0.0.1", Port = server.Port });
        var result = await connection.SendAsync(PreparedRequest.Create("GET", $"127.0.0.1:{server.Port}", "/"), TestCancellation.Token);
        Assert.Equal(HttpFailureKind.TlsOnPlainPort, result.Failure);
        Assert.Contains("use https://", connection.Response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kestrel_tls_port_asked_in_plain_http_fails_with_a_hint()
    {
        await using var server = await TlsKestrelServer.StartAsync(Certificates.Server);
        using var connection = new Http11Connection(new ConnectionOptions { Host = "127.0.0.1", Port = server.Port });
        var result = await connection.SendAsync(PreparedRequest.Create("GET", $"127.0.0.1:{server.Port}", "/hello"), TestCancellation.Token);
        Assert.False(result.Succeeded);
        Assert.Contains("https://", connection.Response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_a_missing_file_and_a_key_without_a_certificate()
    {
        var missing = Assert.Throws<TlsConfigurationException>(() => new TlsOptions { CaCertificateFile = "/nonexistent/ca.pem" }.Validate());
        Assert.Contains("--ca-cert /nonexistent/ca.pem", missing.Message, StringComparison.Ordinal);
        Assert.Throws<TlsConfigurationException>(() => new TlsOptions { ClientKeyFile = Certificates.ClientKeyFile }.Validate());
        var mismatched = Assert.Throws<TlsConfigurationException>(() => new TlsOptions
        {
            ClientCertificateFile = Certificates.ClientCertificateFile,
            ClientKeyFile = Certificates.CaFile, // not a key at all
        }.Validate());
        Assert.Contains("--key", mismatched.Message, StringComparison.Ordinal);
    }
}
