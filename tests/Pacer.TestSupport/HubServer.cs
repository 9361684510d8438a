using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pacer.Hub;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.TestSupport;

/// <summary>
/// A freshly started Pacer Hub on a real Kestrel at 127.0.0.1 and a random port, with its own data
/// folder; on PostgreSQL when <c>PACER_HUB_TEST_PG</c> is set (a fresh database each, dropped after).
/// Development environment (so <c>Hub:Auth:AutoSignUp</c> is allowed) unless told otherwise.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    public const string PostgresVariable = "PACER_HUB_TEST_PG";

    private readonly WebApplication _app;
    private readonly TempDirectory _data;
    private readonly PostgresTestDatabase? _postgres;

    private HubServer(WebApplication app, TempDirectory data, PostgresTestDatabase? postgres, string baseUrl)
    {
        _app = app;
        _data = data;
        _postgres = postgres;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    public string DataDirectory => _data.Path;

    public IServiceProvider Services => _app.Services;

    public bool OnPostgres => _postgres is not null;

    /// <param name="settings">Configuration keys and values, e.g. <c>["Hub:Auth:AutoSignUp"] = "true"</c>.</param>
    public static async Task<HubServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        var data = new TempDirectory();
        var postgres = PostgresTestDatabase.FromEnvironment(PostgresVariable, "hub_test_");
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--environment={environment}",
            $"--Hub:DataDirectory={data.Path}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
        };
        if (postgres is not null)
        {
            args.Add($"--ConnectionStrings:Hub={postgres.ConnectionString}");
        }

        // appsettings.Development.json's values, given here because a test folder that references both the Hub and
        // Storefront gets one of their same-named appsettings files, whichever was copied last.
        if (environment == "Development")
        {
            args.Add("--Hub:Auth:AutoSignUp=true");
            args.Add("--Hub:Auth:MinimumPasswordLength=6");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        WebApplication? app = null;
        try
        {
            app = HubApp.Build([.. args]);
            await app.PrepareHubAsync();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new HubServer(app, data, postgres, address.TrimEnd('/'));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (postgres is not null)
            {
                await postgres.DropAsync();
            }

            data.Dispose();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }

        _data.Dispose();
    }
}
