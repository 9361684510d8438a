using Pacer.TestSupport;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary><c>pacer load</c> over https and HTTP/2 goes through the engine, with TLS failures counted as tls-error.</summary>
public sealed class TlsAndHttp2LoadTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Http2_prior_knowledge_multiplexes_the_vus_over_the_connections_asked_for()
    {
        await using var server = await LoadTargetServer.StartAsync(listen => listen.Protocols = HttpProtocols.Http2);
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--http2", "--connections", "2",
            "--vus", "8", "--iterations", "200", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal(200, result.Summary.Requests);
        Assert.Equal(0, result.Summary.Failures);
        Assert.Equal("engine", result.Transport!.Kind);
    }

    [Fact]
    public async Task Https_to_a_self_signed_server_is_a_tls_error_until_insecure_and_then_uses_the_engine()
    {
        using var certificate = SelfSigned();
        await using var server = await LoadTargetServer.StartAsync(listen => listen.UseHttps(certificate));
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var strict = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--iterations", "2", "--out", "strict.json");
        var step = Assert.Single(LoadResultJson.ReadFile(temp.Combine("strict.json")).Steps);
        Assert.True(step.FailuresByKind.ContainsKey("tls-error"), strict.ToString());
        Assert.Contains("--ca-cert", Assert.Single(step.Samples).Message, StringComparison.Ordinal);

        var insecure = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--insecure", "--iterations", "20", "--vus", "4", "--out", "ok.json");
        Assert.True(insecure.ExitCode == 0, insecure.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("ok.json"));
        Assert.Equal(0, result.Summary.Failures);
        Assert.Equal("engine", result.Transport!.Kind);
    }

    [Fact]
    public async Task Tls_files_and_connection_counts_are_checked_before_any_load()
    {
        temp.Write("ok.flow.md", LoadCli.OneGet("http://127.0.0.1:9/ok"));

        var missing = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--ca-cert", "nowhere.pem", "--iterations", "1");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("nowhere.pem: no such file", missing.ToString(), StringComparison.Ordinal);

        var connections = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--connections", "4", "--iterations", "1");
        Assert.True(connections.ExitCode == 2, connections.ToString());
        Assert.Contains("--http2", connections.ToString(), StringComparison.Ordinal);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => temp.Dispose();
}
