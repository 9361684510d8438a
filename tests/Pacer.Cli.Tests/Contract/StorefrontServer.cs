using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api;
using Storefront.Api.Infrastructure.Database;
using Xunit;

namespace Pacer.Cli.Tests.Contract;

/// <summary>
/// A real Storefront on 127.0.0.1 with a random port and a fresh SQLite folder, shared by a test class,
/// with its own OpenAPI document saved to <see cref="DocumentPath"/> as the contract tests read it.
/// </summary>
public sealed class StorefrontServer : IAsyncLifetime
{
    public const string AdminPassword = "contract-admin-password";

    private readonly string folder = Directory.CreateTempSubdirectory("pacer-contract-").FullName;
    private WebApplication? app;

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string RootUrl { get; private set; } = "";

    /// <summary>The root the example flows use: <c>{RootUrl}/api/v1</c>.</summary>
    public string ApiUrl => RootUrl + "/api/v1";

    public string DocumentPath => Path.Combine(folder, "storefront.json");

    public string DocumentText { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        app = StorefrontApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--contentRoot", folder,
            $"--Storefront:DataDirectory={folder}",
            $"--Storefront:Admin:Password={AdminPassword}",
            "--Storefront:Jwt:SigningKey=contract-tests-signing-key-0123456789-abcdefghijkl",
            "--Storefront:RateLimiting:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.PrepareDatabaseAsync(TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        RootUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var client = new HttpClient();
        DocumentText = await client.GetStringAsync(RootUrl + "/openapi/v1.json", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(DocumentPath, DocumentText, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
