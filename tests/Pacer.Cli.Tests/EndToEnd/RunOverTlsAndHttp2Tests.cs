using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Pacer.Cli.Tests.Load;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// <c>pacer run</c> sends through the same engine as <c>pacer load</c>: https with the same TLS options and
/// failures, HTTP/2 with <c>--http2</c> or a step's <c>@http2</c>, so a functional test proves what the load
/// measures; <c>-v</c> and the JSON report show where each request's time went.
/// </summary>
public sealed class RunOverTlsAndHttp2Tests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Http2_by_flag_or_by_step_directive_reaches_an_h2c_only_server()
    {
        await using var server = await LoadTargetServer.StartAsync(listen => listen.Protocols = HttpProtocols.Http2);
        var flagged = temp.Write("flag.flow.md", LoadCli.OneGet("/ok"));
        var directive = temp.Write("step.flow.md", "```kest\n@http2\nGET /ok\n\n[Asserts]\nstatus == 200\n```\n");

        var byFlag = await PacerCli.RunAsync(temp.Path, "run", flagged, "--base-url", server.BaseUrl, "--http2", "--no-history");
        var byStep = await PacerCli.RunAsync(temp.Path, "run", directive, "--base-url", server.BaseUrl, "--no-history", "-v", "--report", "json=run.json");
        var plain = await PacerCli.RunAsync(temp.Path, "run", flagged, "--base-url", server.BaseUrl, "--no-history");

        Assert.True(byFlag.ExitCode == 0, byFlag.ToString());
        Assert.True(byStep.ExitCode == 0, byStep.ToString());
        Assert.True(plain.ExitCode == 1, plain.ToString()); // HTTP/1.1 to an HTTP/2-only server
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(byStep.Out, @"timings: (blocked [\d.]+(µs|ms), )?connecting [\d.]+(µs|ms), sending [\d.]+(µs|ms), waiting [\d.]+(µs|ms), receiving"), byStep.Out);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(temp.Combine("run.json"), TestContext.Current.CancellationToken));
        var timings = report.RootElement.GetProperty("files")[0].GetProperty("steps")[0].GetProperty("timings");
        Assert.True(timings.GetProperty("waitingMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Https_is_a_tls_error_that_says_what_to_do_until_insecure()
    {
        using var certificate = SelfSigned();
        await using var server = await LoadTargetServer.StartAsync(listen => listen.UseHttps(certificate));
        var flow = temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var strict = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--no-history", "--report", "json=strict.json");
        var insecure = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--insecure", "--no-history", "-v");

        Assert.True(strict.ExitCode == 1, strict.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(temp.Combine("strict.json"), TestContext.Current.CancellationToken));
        var step = report.RootElement.GetProperty("files")[0].GetProperty("steps")[0];
        Assert.Equal("tls-error", step.GetProperty("failure").GetString());
        Assert.Contains("--ca-cert", step.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(insecure.ExitCode == 0, insecure.ToString());
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(insecure.Out, @"timings: (blocked [\d.]+(µs|ms), )?connecting [\d.]+(µs|ms), tls [\d.]+(µs|ms)"), insecure.Out);
    }

    public void Dispose() => temp.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
