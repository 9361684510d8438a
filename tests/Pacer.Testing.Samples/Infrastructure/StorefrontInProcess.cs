using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Pacer.Testing;
using Pacer.Testing.Auth;
using Xunit;

namespace Pacer.Testing.Samples.Infrastructure;

/// <summary>
/// Storefront in memory (TestServer, no port) on a fresh temp SQLite directory, in Development. Used
/// as a class fixture, so each test class gets its own app, database and <see cref="Logins"/>.
/// </summary>
public class StorefrontInProcess : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiRoot = "/api/v1";
    public const string SigningKey = "pacer-testing-samples-signing-key-0123456789";
    public const string Issuer = "storefront";
    public const string Audience = "storefront-api";
    public const string AdminEmail = "admin@storefront.local";
    public const string AdminPassword = "samples-admin-password";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pacer-testing-samples", Guid.NewGuid().ToString("N"));

    public StorefrontInProcess()
    {
        Target = this.AsFlowTarget(ApiRoot);
        Logins = new LoginCache(CreateApiClient);
    }

    /// <summary>Where flows run: a fresh in-process client per run, rooted at <see cref="ApiRoot"/>.</summary>
    public FlowTarget Target { get; }

    /// <summary>Logs in once per account for this test class.</summary>
    public LoginCache Logins { get; }

    public TokenMint Tokens { get; } = new(SigningKey, Issuer, Audience);

    public HttpClient CreateApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost" + ApiRoot + "/") });

    public virtual async ValueTask InitializeAsync()
    {
        // Starting the server creates and seeds the database. The first requests also pay for JIT
        // compilation; sending them here keeps that out of flows that assert on duration (02-catalog's < 300ms).
        using var client = CreateApiClient();
        foreach (var path in new[] { "health", "categories", "products?sort=-price&pageSize=5", "products?pageSize=1000" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storefront:DataDirectory", _dataDirectory);
        builder.UseSetting("Storefront:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Storefront:Admin:Password", AdminPassword);
        // Load shedding by queue delay measures the whole machine's scheduling; on a busy CI machine running the test
        // runner beside the app it would answer a sample's request with 503. The samples are not about overload.
        builder.UseSetting("Storefront:Overload:MaxQueueDelay", "00:00:00");
        // Flows and samples log in more often than a real client; lift the per-minute limits.
        foreach (var limit in new[] { "LoginPermitLimit", "AuthPermitLimit", "PerIpPermitLimit", "PerUserPermitLimit" })
        {
            builder.UseSetting("Storefront:RateLimiting:" + limit, "100000");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
