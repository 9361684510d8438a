using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api;
using Storefront.Api.Infrastructure.Database;

namespace Pacer.Cli.Demo;

/// <summary>
/// Storefront running inside the <c>pacer</c> process on 127.0.0.1 with a random port, a fresh
/// SQLite database in a temporary folder, and secrets generated for this run only. Disposing it
/// stops the server and deletes the folder.
/// </summary>
internal sealed class EmbeddedStorefront : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDirectory;

    private EmbeddedStorefront(WebApplication app, string dataDirectory, string baseUrl, string adminPassword)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
        AdminPassword = adminPassword;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/api/v1</c>.</summary>
    public string BaseUrl { get; }

    public string AdminPassword { get; }

    public string DataDirectory => dataDirectory;

    public static async Task<EmbeddedStorefront> StartAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("pacer-demo-").FullName;
        var adminPassword = "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            // Its own content root, so an appsettings.json in the user's folder is never read.
            "--contentRoot", dataDirectory,
            $"--Storefront:DataDirectory={dataDirectory}",
            $"--Storefront:Admin:Password={adminPassword}",
            $"--Storefront:Jwt:SigningKey={signingKey}",
            // The demo logs in more often than a person would; Storefront's limits are tested on their own.
            "--Storefront:RateLimiting:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        ];

        WebApplication? app = null;
        try
        {
            var clock = Stopwatch.StartNew();
            await progress.WriteLineAsync($"Starting Storefront (SQLite in {dataDirectory})…").ConfigureAwait(false);
            app = StorefrontApp.Build(args);
            await progress.WriteLineAsync("Creating the database and seeding demo data (users, 1,000 products, stock)…").ConfigureAwait(false);
            await app.PrepareDatabaseAsync(cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Storefront started but reported no address.");
            var baseUrl = address.TrimEnd('/') + "/api/v1";
            await progress.WriteLineAsync($"Storefront is up at {address} ({clock.Elapsed.TotalSeconds:0.0} s); warming up…").ConfigureAwait(false);
            await WarmUpAsync(baseUrl, cancellationToken).ConfigureAwait(false);
            return new EmbeddedStorefront(app, dataDirectory, baseUrl, adminPassword);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            DeleteQuietly(dataDirectory);
            throw;
        }
    }

    /// <summary>
    /// The flows' <c>duration &lt;</c> budgets describe a warm server. A fresh process pays JIT and
    /// query compilation on each path's first call, so touch the main paths once (changing nothing)
    /// before the flows measure anything.
    /// </summary>
    private static async Task WarmUpAsync(string baseUrl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        using var badLogin = new StringContent("""{"login":"admin@storefront.local","password":"not-the-password"}""", System.Text.Encoding.UTF8, "application/json");
        using var invalidRegistration = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var anonymousOrder = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        Func<Task<HttpResponseMessage>>[] calls =
        [
            () => client.GetAsync("health", cancellationToken),
            () => client.GetAsync("categories", cancellationToken),
            () => client.GetAsync("products?sort=price&pageSize=20", cancellationToken),
            () => client.PostAsync("auth/login", badLogin, cancellationToken),
            () => client.PostAsync("auth/register", invalidRegistration, cancellationToken),
            () => client.PostAsync("orders", anonymousOrder, cancellationToken),
        ];
        foreach (var call in calls)
        {
            using var response = await call().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
        DeleteQuietly(dataDirectory);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the demo over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
