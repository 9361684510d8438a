using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Storefront.Api;
using Storefront.Api.Infrastructure.Database;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>
/// The probe against Storefront itself (in-process Kestrel on 127.0.0.1, its own /openapi/v1.json,
/// logged in as the seeded shoppers alice and bob, rate limits on): it must find nothing.
/// </summary>
public sealed class StorefrontProbeTests : IAsyncLifetime
{
    private const string SigningKey = "storefront-probe-signing-key-0123456789-abcdefghij";
    private readonly ProbeFlows flows = new();
    private WebApplication app = null!;
    private string baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        app = StorefrontApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--contentRoot", flows.Directory,
            $"--Storefront:DataDirectory={flows.Directory}",
            "--Storefront:Admin:Password=probe-admin-password",
            $"--Storefront:Jwt:SigningKey={SigningKey}",
            "--Logging:LogLevel:Default=None",
        ]);
        await app.PrepareDatabaseAsync(TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        flows.Dispose();
    }

    [Fact]
    public async Task Finds_nothing_on_storefront_with_its_own_document()
    {
        using var http = new HttpClient();
        var document = await http.GetStringAsync(new Uri(baseUrl + "/openapi/v1.json"), TestContext.Current.CancellationToken);
        var spec = await OpenApiSpec.LoadAsync(document, "storefront/openapi/v1.json", TestContext.Current.CancellationToken);
        var tokens = await ProbeLogins.RunAsync(
            [
                flows.Login("alice.flow.md", "/api/v1/auth/login", """{"login": "alice@storefront.local", "password": "shopper-pass-1"}""", "accessToken"),
                flows.Login("bob.flow.md", "/api/v1/auth/login", """{"login": "bob@storefront.local", "password": "shopper-pass-1"}""", "accessToken"),
            ],
            new Uri(baseUrl),
            TestContext.Current.CancellationToken);

        var report = await ApiProber.RunAsync(spec, new ProbeOptions { BaseUrl = new Uri(baseUrl), Users = tokens, SigningKey = SigningKey, MaxRequests = 4000 }, TestContext.Current.CancellationToken);

        Assert.True(report.Clean, string.Join("\n", report.Findings.Select(f => $"{f.Severity} {f.Check} {f.Operation}: {f.Title} — expected {f.Expected}, got {f.Got}\n{f.Kest}")));
        Assert.True(report.OperationsProbed >= 30, $"{report.OperationsProbed} operations");
        Assert.True(report.RequestsSent > 300, $"{report.RequestsSent} requests");
        Assert.DoesNotContain(report.Notes, n => n.Contains("budget", StringComparison.Ordinal));
    }
}
