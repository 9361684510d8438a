using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api;
using Storefront.Api.Infrastructure.Database;

namespace Pacer.TestSupport;

/// <summary>
/// A freshly started Storefront on a real Kestrel at 127.0.0.1 and a random port (the same composition as the
/// service, <see cref="StorefrontApp.Build"/>), with a fresh SQLite folder, a known admin password and signing key,
/// in Production. Load shedding by queue delay is off: it measures the whole machine's scheduling, and a busy CI
/// machine running the test runner beside it would otherwise answer a test's first request with 503.
/// </summary>
public sealed class StorefrontTestServer : IAsyncDisposable
{
    public const string AdminEmail = "admin@storefront.local";
    public const string AdminPassword = "test-admin-password";
    public const string ShopperPassword = "shopper-pass-1";
    public const string SigningKey = "pacer-tests-storefront-signing-key-0123456789-abcdef";

    private readonly WebApplication _app;
    private readonly TempDirectory _data;

    private StorefrontTestServer(WebApplication app, TempDirectory data, string rootUrl)
    {
        _app = app;
        _data = data;
        RootUrl = rootUrl;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string RootUrl { get; }

    /// <summary>The root the example flows use: <c>{RootUrl}/api/v1</c>.</summary>
    public string ApiUrl => RootUrl + "/api/v1";

    public string DataDirectory => _data.Path;

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration keys and values that replace the defaults, e.g. <c>["Storefront:RateLimiting:Enabled"] = "false"</c>.</param>
    public static async Task<StorefrontTestServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var data = new TempDirectory();
        var configuration = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["contentRoot"] = data.Path,
            ["Storefront:DataDirectory"] = data.Path,
            ["Storefront:Admin:Password"] = AdminPassword,
            ["Storefront:Admin:ShopperPassword"] = ShopperPassword,
            ["Storefront:Jwt:SigningKey"] = SigningKey,
            ["Storefront:Overload:MaxQueueDelay"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            configuration[key] = value;
        }

        WebApplication? app = null;
        try
        {
            app = StorefrontApp.Build([.. configuration.Select(c => $"--{c.Key}={c.Value}")]);
            await app.PrepareDatabaseAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new StorefrontTestServer(app, data, address.TrimEnd('/'));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            data.Dispose();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Storefront's own OpenAPI document, as served.</summary>
    public async Task<string> GetDocumentAsync(CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await client.GetStringAsync(new Uri(RootUrl + "/openapi/v1.json"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
