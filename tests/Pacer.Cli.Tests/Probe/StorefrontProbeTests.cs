using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Reports;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>
/// The probe against Storefront itself (a <see cref="StorefrontTestServer"/>, its own /openapi/v1.json, logged in as
/// the seeded shoppers alice and bob, rate limits on): Storefront has no finding. The flaws it used to have, and their
/// fixes, are in docs/probe-storefront-findings.md. The password hash is made cheap here: the probe's findings do not
/// depend on its cost, and a probe sends a few hundred logins and password changes.
/// </summary>
[Collection(ProbeTiming.Collection)]
public sealed class StorefrontProbeTests : IAsyncLifetime
{
    private readonly ProbeFlows flows = new();
    private StorefrontTestServer storefront = null!;
    private string baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        // Rate limits stay on (the probe judges them). Argon2id at its cheapest: a probe sends a few hundred logins
        // and password changes, and its findings do not depend on the hash's cost.
        storefront = await StorefrontTestServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Storefront:PasswordHashing:MemoryKib"] = "1024",
                ["Storefront:PasswordHashing:TimeCost"] = "1",
                ["Logging:LogLevel:Default"] = "None",
            },
            TestContext.Current.CancellationToken);
        baseUrl = storefront.RootUrl;
    }

    public async ValueTask DisposeAsync()
    {
        await storefront.DisposeAsync();
        flows.Dispose();
    }

    [Fact]
    public async Task Finds_no_flaw_in_storefront()
    {
        using var http = new HttpClient();
        var document = await http.GetStringAsync(new Uri(baseUrl + "/openapi/v1.json"), TestContext.Current.CancellationToken);
        var spec = await OpenApiSpec.LoadAsync(document, "storefront/openapi/v1.json", TestContext.Current.CancellationToken);
        var users = await ProbeLogins.RunAsync(
            [
                flows.Login("alice.flow.md", "/api/v1/auth/login", """{"login": "alice@storefront.local", "password": "shopper-pass-1"}""", "accessToken"),
                flows.Login("bob.flow.md", "/api/v1/auth/login", """{"login": "bob@storefront.local", "password": "shopper-pass-1"}""", "accessToken"),
            ],
            new Uri(baseUrl),
            TestContext.Current.CancellationToken);

        var report = await ApiProber.RunAsync(spec, new ProbeOptions { BaseUrl = new Uri(baseUrl), Users = users, SigningKey = StorefrontTestServer.SigningKey, MaxRequests = 4000 }, TestContext.Current.CancellationToken);

        using var output = new StringWriter();
        ProbeConsoleReport.Write(output, report);
        Assert.True(report.Findings.Count == 0, output.ToString());
        Assert.True(report.OperationsProbed >= 30, $"{report.OperationsProbed} operations");
        Assert.DoesNotContain(report.Notes, n => n.Contains("budget", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"storefront: {report.RequestsSent} requests in {report.Duration.TotalSeconds:F1} s");
    }
}
